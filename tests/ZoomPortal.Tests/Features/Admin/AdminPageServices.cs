using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Auth;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Admin;

/// <summary>What the admin components need, over a test database and a Zoom whose Date header is off by a chosen skew.</summary>
internal static class AdminPageServices
{
    public static void Add(IServiceCollection services, IDbContextFactory<PortalDbContext> database, TimeSpan zoomSkew, AdminOptions? admin = null)
    {
        services.AddLogging();
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IOptionsMonitor<AdminOptions>>(new StaticMonitor<AdminOptions>(admin ?? new AdminOptions()));
        services.AddSingleton<IOptionsMonitor<ZoomOptions>>(new StaticMonitor<ZoomOptions>(new ZoomOptions
        {
            Clock = new ZoomClockOptions { Samples = 1, SampleSpacing = TimeSpan.Zero },
        }));
        services.AddSingleton<IZoomEndpoints>(new FixedEndpoints());
        services.AddHttpClient(ZoomClock.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SkewedZoom(zoomSkew));
        services.AddSingleton<ZoomClock>();
        services.AddSingleton<ZoomApiHealth>();
        services.AddSingleton<ZoomIntegrationStatus>();
        services.AddSingleton<ZoomPortal.Features.Alerts.AlertIncidents>();
        services.AddSingleton<JoinAttemptQuery>();
        var environment = new TestEnvironment();
        services.AddSingleton<IWebHostEnvironment>(environment);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(Options.Create(new DatabaseOptions()));
        services.AddSingleton(Options.Create(new ZoomPortal.Features.Join.Sdk.ZoomSdkOptions { Version = "6.2.0" }));
        services.AddSingleton(new SignInMode(UsesOidc: false, UsesDevelopmentSignIn: true));
    }

    private sealed class TestEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "no-wwwroot");

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "ZoomPortal";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public string EnvironmentName { get; set; } = "Development";
    }

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private sealed class FixedEndpoints : IZoomEndpoints
    {
        public ValueTask<ZoomEndpointAddresses> GetAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ZoomEndpointAddresses(new Uri("https://zoom.test/v2/"), new Uri("https://zoom.test/")));
    }

    /// <summary>Answers like Zoom's unauthenticated users/me: 401 with a Date header, here off by the skew.</summary>
    private sealed class SkewedZoom(TimeSpan skew) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            response.Headers.Date = DateTimeOffset.UtcNow + skew;
            return Task.FromResult(response);
        }
    }
}
