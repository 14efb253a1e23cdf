using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>
/// The portal in Development for join tests: every log line captured (the app's own categories down to Trace),
/// the shortest wait-for-host interval the settings allow, and the meeting catalog filled before any test runs.
/// </summary>
public sealed class JoinPortalFixture : PortalFixture
{
    /// <summary>Join:WaitForHostInterval's lower bound (JoinOptions allows 5 s at the least).</summary>
    public static readonly TimeSpan WaitForHostInterval = TimeSpan.FromSeconds(5);

    /// <summary>Every log record the portal writes, beside its own providers.</summary>
    public FakeLogCollector Logs { get; } = new();

    protected override string Environment => "Development";

    internal ZoomSandboxAccount Account => Server.Services.GetRequiredService<ZoomSandboxAccount>();

    internal ZoomSandboxHost Sandbox => Server.Services.GetRequiredService<ZoomSandboxHost>();

    public PortalDbContext CreateDbContext() =>
        Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    internal ZoomSandboxMeeting Meeting(string topic) => Account.Meetings.Single(m => m.Topic == topic);

    protected override Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
            ["Join:WaitForHostInterval"] = "00:00:05",
            // These stories join sandbox meetings up to a week before their start (the All-hands, waiting for the host):
            // joining opens a week ahead here.
            ["Meetings:JoinLeadTime"] = "7.00:00:00",
            // What an operator could turn on: the app's own categories fully, the framework at Information.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:ZoomPortal"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information",
            ["Logging:LogLevel:Polly"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        });

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(Logs));

    protected override async Task OnStartedAsync(Uri baseUrl)
    {
        // The catalog fills from the sandbox in the background; a join page before that answers 404.
        var expected = Account.Meetings.Count;
        for (var i = 0; i < 300; i++)
        {
            await using var db = CreateDbContext();
            if (await db.Meetings.CountAsync() >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The meeting catalog never filled from the sandbox.");
    }
}
