using Microsoft.Extensions.Options;

namespace ZoomPortal.Zoom.Sandbox;

/// <summary>
/// Runs the sandbox in Sandbox mode: started with the host (or on first use, whichever comes first), and the place
/// the Zoom client learns the sandbox's address from.
/// </summary>
internal sealed class ZoomSandboxHost(
    ZoomSandboxAccount account,
    IOptions<ZoomOptions> options,
    TimeProvider time,
    IHostEnvironment environment,
    ILogger<ZoomSandboxHost> logger) : IHostedService, IZoomEndpoints, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ZoomSandboxServer? _server;
    private bool _stopped;

    /// <summary>The running sandbox (faults, skew, request log), or null before it starts.</summary>
    public ZoomSandboxServer? Server => Volatile.Read(ref _server);

    public async Task<ZoomSandboxServer> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _server) is { } running)
        {
            return running;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_server is null)
            {
                var server = await ZoomSandboxServer.StartAsync(options.Value.Sandbox, time, account, cancellationToken);
                logger.SandboxStarted(server.OAuthUrl);
                Volatile.Write(ref _server, server);
            }

            return _server;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<ZoomEndpointAddresses> GetAsync(CancellationToken cancellationToken)
    {
        var server = await EnsureStartedAsync(cancellationToken);
        return new ZoomEndpointAddresses(server.BaseUrl, server.OAuthUrl);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            // Allowed by Zoom:Sandbox:AllowOutsideDevelopment (the validator refuses it otherwise); say so loudly.
            logger.SandboxOutsideDevelopment(environment.EnvironmentName);
        }

        return EnsureStartedAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _stopped = true;
            if (_server is { } server)
            {
                _server = null;
                await server.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
