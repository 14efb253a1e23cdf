using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Zoom;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Zoom;

/// <summary>A sandbox started standalone on loopback, and the real Zoom client services (Live mode) pointed at it.</summary>
internal sealed class ZoomClientHarness : IAsyncDisposable
{
    private ZoomClientHarness(ZoomSandboxServer sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        Services = services;
    }

    public ZoomSandboxServer Sandbox { get; }

    public ServiceProvider Services { get; }

    public IZoomApi Api => Services.GetRequiredService<IZoomApi>();

    public IZoomClock Clock => Services.GetRequiredService<IZoomClock>();

    public static async Task<ZoomClientHarness> StartAsync(
        TimeProvider? time = null, Action<ZoomSandboxOptions>? sandbox = null, Action<ZoomOptions>? client = null)
    {
        time ??= TimeProvider.System;
        var sandboxOptions = new ZoomSandboxOptions();
        sandbox?.Invoke(sandboxOptions);
        var server = await ZoomSandboxServer.StartAsync(sandboxOptions, time);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddOptions<ZoomOptions>().Configure(options =>
        {
            options.Mode = ZoomMode.Live;
            options.Api.BaseUrl = server.BaseUrl;
            options.Api.OAuthUrl = server.OAuthUrl;
            options.Api.AccountId = ZoomSandboxAccount.AccountId;
            options.Api.ClientId = ZoomSandboxAccount.ClientId;
            options.Api.ClientSecret = ZoomSandboxAccount.ClientSecret;
            options.Api.RetryDelay = TimeSpan.FromMilliseconds(20);
            options.Clock.SampleSpacing = TimeSpan.Zero;
            client?.Invoke(options);
        });
        services.AddZoomClient();
        return new ZoomClientHarness(server, services.BuildServiceProvider());
    }

    public int RequestCount(string pathStart) =>
        Sandbox.Requests.Count(r => r.StartsWith(pathStart, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
