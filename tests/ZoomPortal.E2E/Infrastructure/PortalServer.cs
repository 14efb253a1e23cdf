using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>
/// The real app on a real Kestrel (loopback, a free port) so that a browser can reach it, on its own SQLite file.
/// Settings given to the constructor win over appsettings.json.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zoomportal-e2e", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private Uri? _baseUrl;

    /// <param name="configureServices">Runs after the app's own registrations, e.g. to add a capturing logger provider.</param>
    public PortalServer(string environment, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        Environment = environment;
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:SqlitePath"] = Path.Combine(_folder, "portal.db"),
            // Zoom's cloud is out of reach here: every environment talks to the sandbox unless a test says otherwise.
            ["Zoom:Mode"] = "Sandbox",
            ["Zoom:Sandbox:AllowOutsideDevelopment"] = "true",
            // The stale-clock stories move Zoom's clock right after a measurement and expect the re-measurement that
            // follows Zoom's 3712; the 30 s production minimum (ClockFloodTests) would skip it as still recent.
            ["Zoom:Clock:MinRemeasureInterval"] = "00:00:01",
        };
        if (!IsDevelopment)
        {
            // Outside Development nothing migrates by default, and a fresh file has no tables.
            _settings["Database:MigrateAtStartup"] = "true";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Environment { get; }

    /// <summary>Where the browser finds the portal, e.g. <c>http://127.0.0.1:41234/</c>. Set by <see cref="Start"/>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("Call Start() before asking for the portal's address.");

    private bool IsDevelopment => string.Equals(Environment, Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts Kestrel on a free loopback port (or <paramref name="port"/>) and records the address it bound.</summary>
    public Uri Start(int port = 0)
    {
        if (_baseUrl is not null)
        {
            return _baseUrl;
        }

        UseKestrel(port);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var bound = new Uri(addresses.First());
        // The browser resolves nothing but 127.0.0.1, so "localhost" would not reach the server.
        _baseUrl = new UriBuilder(bound) { Host = "127.0.0.1", Path = "/" }.Uri;
        return _baseUrl;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Host configuration too, so settings read while the builder is made (database provider, sign-in mode) see them.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }

        if (!IsDevelopment)
        {
            // The build output maps /_content/* (MudBlazor's css and js) by itself only in Development.
            builder.UseStaticWebAssets();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
