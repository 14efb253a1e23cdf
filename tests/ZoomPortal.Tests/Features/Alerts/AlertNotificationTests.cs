using System.Net;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Alerts;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Localisation;
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

        // The same incident for an admin whose browser asks for German: title and summary in German, the webhook unchanged.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        var german = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/health", UriKind.Relative)));
        Assert.Contains("Die Uhr dieses Servers geht falsch", german, StringComparison.Ordinal);
        Assert.Matches(@"Die Uhr dieses Servers geht gegenüber Zooms Uhr (6 min 5\d s|7 min( [0-9] s)?) vor \(± ", german);
        Assert.DoesNotContain("This server's clock", german, StringComparison.Ordinal);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public void The_webhook_payload_is_english_with_invariant_numbers_whatever_the_current_culture()
    {
        using var german = new CultureScope("de-DE");
        var incident = new AlertIncident(
            "join-failure-rate",
            new LocalisedText("Alerts.JoinFailures.Title"),
            new LocalisedText("Alerts.JoinFailures.Summary", 15, 25, "15 min", 0.6, 0.5),
            DateTimeOffset.UtcNow,
            Notified: false);

        var slack = AlertNotifier.Payload(incident, AlertPayloadFormat.Slack)["text"]!.GetValue<string>();
        var teams = AlertNotifier.Payload(incident, AlertPayloadFormat.Teams).ToJsonString();

        // Word for word what the rule wrote before the texts moved into resources: channels and their filters rely on it.
        Assert.Equal("*ZoomPortal: Joins are failing*\n15 of 25 joins failed after retries in the last 15 min (60 %; alert at 50 %). See /admin/join-errors.", slack);
        Assert.Contains("ZoomPortal: Joins are failing", teams, StringComparison.Ordinal);
        // The admin pages read the same incident in the viewer's language.
        Assert.Equal("Beitritte scheitern", incident.Title.ToString());
        Assert.StartsWith("15 von 25 Beitritten", incident.Summary.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\(60\s%; Alarm ab 50\s%\)", incident.Summary.ToString());
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
