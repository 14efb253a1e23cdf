using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ZoomPortal.Tests.Infrastructure;

/// <summary>
/// The real app in memory, on its own SQLite file, in Development (so the development sign-in exists) unless told otherwise.
/// Settings given to the constructor win over appsettings.json.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zoomportal-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    public PortalAppFactory(string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:SqlitePath"] = Path.Combine(_folder, "portal.db"),
            // Zoom's cloud is out of reach here: every environment talks to the sandbox unless a test says otherwise.
            ["Zoom:Mode"] = "Sandbox",
            ["Zoom:Sandbox:AllowOutsideDevelopment"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataFolder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Host configuration too, so settings read while the builder is made (provider, sign-in mode) see them.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    /// <summary>A client on https (the auth cookie is Secure) that does not follow redirects.</summary>
    public HttpClient CreateHttpsClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = followRedirects,
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
