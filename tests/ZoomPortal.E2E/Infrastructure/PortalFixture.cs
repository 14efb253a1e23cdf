using Microsoft.Extensions.DependencyInjection;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>
/// One running portal shared by the tests of a collection. Derive one fixture per distinct configuration
/// (environment plus settings) and share it through an <see cref="ICollectionFixture{TFixture}"/>.
/// </summary>
public abstract class PortalFixture : IAsyncLifetime, IAsyncDisposable
{
    private PortalServer? _server;

    public PortalServer Server => _server ?? throw new InvalidOperationException("The portal has not started.");

    public Uri BaseUrl => Server.BaseUrl;

    /// <summary><c>Development</c> or <c>Production</c> (or any other environment name).</summary>
    protected abstract string Environment { get; }

    public virtual async Task InitializeAsync()
    {
        var settings = await CreateSettingsAsync();
        _server = new PortalServer(Environment, settings, ConfigureServices);
        _server.Start();
        await OnStartedAsync(_server.BaseUrl);
    }

    public virtual async Task DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client for requests without a browser: no redirects followed, no cookies kept.</summary>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true) { BaseAddress = BaseUrl };

    /// <summary>Settings for the portal; runs before it starts (start services it depends on here).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Changes the portal's services after its own registrations (e.g. an extra logger provider).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs once the portal listens at <paramref name="baseUrl"/>.</summary>
    protected virtual Task OnStartedAsync(Uri baseUrl) => Task.CompletedTask;
}
