using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Admin;

/// <summary>One portal for the admin HTTP tests, exporting pseudonymised user ids.</summary>
public sealed class AdminPortal : IAsyncLifetime, IAsyncDisposable
{
    public PortalAppFactory App { get; } = new("Development", new Dictionary<string, string?> { ["Admin:PseudonymiseExports"] = "true" });

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
