using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ZoomPortal.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and an interactive server renderer.</summary>
public abstract class PortalBunitContext : BunitContext, IAsyncLifetime
{
    protected PortalBunitContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Registered before anything resolves services (SetRendererInfo does); tests set the user through it.
        Authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Who the rendered components see as signed in (anonymous until a test says otherwise).</summary>
    protected BunitAuthorizationContext Authorization { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit v2 disposes through IAsyncLifetime.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
