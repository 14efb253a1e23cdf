using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Alerts;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Tests.Features.Admin;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Alerts;

public sealed class AlertNotificationTests
{
    [Fact]
    public async Task Join_failures_notify_once_when_they_cross_the_threshold_and_again_only_after_resolving_and_recurring()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = receiver.Url.ToString(),
            ["Alerts:JoinFailureRate"] = "0.5",
            ["Alerts:JoinFailureMinJoins"] = "5",
            // The test drives the evaluations; the background timer would add its own.
            ["Alerts:EvaluationInterval"] = "01:00:00",
            ["Alerts:ClockOffset"] = "false",
            ["Alerts:ZoomApi"] = "false",
        });
        using var client = app.CreateClient();
        var evaluator = app.Services.GetRequiredService<AlertEvaluator>();
        var incidents = app.Services.GetRequiredService<AlertIncidents>();

        await AddJoinsAsync(app, succeeded: 10, failed: 1);
        await evaluator.EvaluateAsync(CancellationToken.None);
        Assert.Empty(receiver.Received);
        Assert.Empty(incidents.Open);

        await AddJoinsAsync(app, succeeded: 0, failed: 14); // 15 of 25 failed: 60 %
        await evaluator.EvaluateAsync(CancellationToken.None);
        await evaluator.EvaluateAsync(CancellationToken.None);
        var first = Assert.Single(receiver.Received);
        Assert.Contains("15 of 25 joins failed", first["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Assert.Single(incidents.Open).Notified);

        await AddJoinsAsync(app, succeeded: 20, failed: 0); // 15 of 45: resolved
        await evaluator.EvaluateAsync(CancellationToken.None);
        Assert.Empty(incidents.Open);
        Assert.Single(receiver.Received);

        await AddJoinsAsync(app, succeeded: 0, failed: 20); // 35 of 65: recurs
        await evaluator.EvaluateAsync(CancellationToken.None);
        await evaluator.EvaluateAsync(CancellationToken.None);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Contains("35 of 65 joins failed", receiver.Received.Last()["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_format_posts_an_adaptive_card_and_no_user_id()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = receiver.Url.ToString(),
            ["Alerts:Format"] = "Teams",
            ["Alerts:EvaluationInterval"] = "01:00:00",
            ["Alerts:ClockOffset"] = "false",
            ["Alerts:ZoomApi"] = "false",
        });
        using var client = app.CreateClient();

        await AddJoinsAsync(app, succeeded: 0, failed: 6);
        await app.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

        var message = Assert.Single(receiver.Received);
        Assert.Equal("message", message["type"]!.GetValue<string>());
        var card = message["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", card["content"]!["type"]!.GetValue<string>());
        Assert.Contains("6 of 6 joins failed", message.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dev-ann", message.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clock_offset_beyond_the_admin_warning_opens_an_incident_shown_on_the_health_page()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = receiver.Url.ToString(),
            ["Alerts:EvaluationInterval"] = "01:00:00",
            ["Alerts:JoinFailureRate"] = "0",
            ["Alerts:ZoomApi"] = "false",
            ["Admin:ClockOffsetWarning"] = "00:01:00",
            // The sandbox's clock 7 minutes behind this server's, as in the field report.
            ["Zoom:Sandbox:ClockSkew"] = "-00:07:00",
        });
        using var client = app.CreateHttpsClient();
        await app.Services.GetRequiredService<ZoomPortal.Zoom.IZoomClock>().MeasureAsync(CancellationToken.None);

        await app.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

        var message = Assert.Single(receiver.Received)["text"]!.GetValue<string>();
        // 7 minutes, give or take the measurement's uncertainty.
        Assert.Matches(@"clock is (6 min 5\d s|7 min( [0-9] s)?) ahead of Zoom's", message);
        await DevelopmentSignIn.SignInAsync(client, "Ada Admin", "Admin");
        var page = await client.GetStringAsync(new Uri("/admin/health", UriKind.Relative));
        Assert.Contains("Open incidents", page, StringComparison.Ordinal);
        Assert.Contains("This server&#x27;s clock is off", page, StringComparison.Ordinal);
    }

    private static async Task AddJoinsAsync(PortalAppFactory app, int succeeded, int failed)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow.AddMinutes(-1);
        for (var i = 0; i < succeeded; i++)
        {
            db.JoinAttempts.Add(AttemptData.Succeeded(Guid.NewGuid(), 1, now));
        }

        for (var i = 0; i < failed; i++)
        {
            // A join that failed twice: two attempts, one failed join.
            var joinId = Guid.NewGuid();
            db.JoinAttempts.Add(AttemptData.Failed(3712, joinId, 1, now, joinOutcome: JoinAttemptOutcome.Failed));
            db.JoinAttempts.Add(AttemptData.Failed(3712, joinId, 2, now, joinOutcome: JoinAttemptOutcome.Failed));
        }

        await db.SaveChangesAsync();
    }
}
