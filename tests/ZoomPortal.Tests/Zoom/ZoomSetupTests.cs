using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Zoom;

public sealed class ZoomSetupTests
{
    private const string SecretValue = "live-secret-do-not-echo";

    [Fact]
    public async Task Live_mode_without_an_account_id_stops_start_up_naming_the_key()
    {
        await using var factory = new PortalAppFactory("Production", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://login.example.com/",
            ["Authentication:Oidc:ClientId"] = "zoomportal",
            ["Zoom:Mode"] = "Live",
            ["Zoom:Api:ClientId"] = "live-client",
            ["Zoom:Api:ClientSecret"] = SecretValue,
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        var messages = Messages(error);
        Assert.Contains("Zoom:Api:AccountId is required when Zoom:Mode is Live.", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zoom:Sandbox:ClockSkew", "1.01:00:00", "Zoom:Sandbox:ClockSkew must be between")]
    [InlineData("Zoom:Clock:Samples", "0", "Zoom:Clock:Samples must be between 1 and 20.")]
    [InlineData("Zoom:Mode", "Live", "Zoom:Api:ClientSecret is required when Zoom:Mode is Live.")]
    public async Task Invalid_settings_stop_start_up_naming_the_key(string key, string value, string expected)
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_mode_in_Production_stops_start_up_unless_explicitly_allowed()
    {
        await using var factory = new PortalAppFactory("Production", ProductionSandbox(allowed: false));

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Zoom:Sandbox:AllowOutsideDevelopment", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_mode_in_Production_explicitly_allowed_starts_with_a_warning()
    {
        await using var factory = new PortalAppFactory("Production", ProductionSandbox(allowed: true));
        await using var logged = factory.WithWebHostBuilder(web => web.ConfigureServices(s => s.AddFakeLogging()));

        var logs = logged.Services.GetFakeLogCollector();

        Assert.Equal(ZoomMode.Sandbox, logged.Services.GetRequiredService<IOptions<ZoomOptions>>().Value.Mode);
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Message.Contains("AllowOutsideDevelopment", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("Production", warning.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ProductionSandbox(bool allowed) => new()
    {
        ["Authentication:Oidc:Authority"] = "https://login.example.com/",
        ["Authentication:Oidc:ClientId"] = "zoomportal",
        ["Database:MigrateAtStartup"] = "true",
        ["Zoom:Mode"] = "Sandbox",
        ["Zoom:Sandbox:AllowOutsideDevelopment"] = allowed ? "true" : "false",
    };

    [Fact]
    public async Task Live_mode_uses_the_real_client_over_HTTP()
    {
        await using var sandbox = await ZoomSandboxServer.StartAsync(new ZoomSandboxOptions(), TimeProvider.System);
        await using var factory = new PortalAppFactory(settings: ZoomTestSettings.LiveAgainst(sandbox));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var meetings = await factory.Services.GetRequiredService<IZoomApi>()
            .ListMeetingsAsync("priya.host@example.com", ZoomMeetingListType.Scheduled, cts.Token);

        Assert.Equal([85598765431, 85598765432, 85598765433], meetings.Select(m => m.Id).Order());
        Assert.Contains(sandbox.Requests, r => r.StartsWith("GET /v2/users/priya.host@example.com/meetings", StringComparison.Ordinal));
        Assert.Equal(ZoomMode.Live, factory.Services.GetRequiredService<IOptions<ZoomOptions>>().Value.Mode);
        Assert.Null(factory.Services.GetService<ZoomSandboxAccount>());
    }

    [Fact]
    public async Task Development_without_credentials_runs_the_sandbox_with_its_skew_and_shows_the_banner()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Zoom:Sandbox:ClockSkew"] = "00:07:00" });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var services = factory.Services;

        var meetings = await services.GetRequiredService<IZoomApi>().ListMeetingsAsync("kenji.host@example.com", ZoomMeetingListType.Upcoming, cts.Token);
        var estimate = await services.GetRequiredService<IZoomClock>().MeasureAsync(cts.Token);
        using var client = factory.CreateHttpsClient();
        var page = await client.GetStringAsync(new Uri("/authentication/dev-signin", UriKind.Relative), cts.Token);

        Assert.Equal(ZoomMode.Sandbox, services.GetRequiredService<IOptions<ZoomOptions>>().Value.Mode);
        Assert.Equal(2, meetings.Count);
        Assert.InRange(estimate.Offset, TimeSpan.FromMinutes(7) - TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(2));
        Assert.Contains("not connected to Zoom. Meetings, joins and hosts here are simulated.", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Sandbox mode\"", page, StringComparison.Ordinal);
        Assert.Equal(ZoomSandboxAccount.MeetingSdkClientId, services.GetRequiredService<IOptions<ZoomPortal.Features.Join.Signing.MeetingSdkOptions>>().Value.ClientId);
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Messages));
            }
        }

        return string.Join(" | ", messages);
    }
}
