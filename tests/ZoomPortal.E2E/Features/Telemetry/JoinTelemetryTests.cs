using System.Diagnostics;
using OpenTelemetry.Metrics;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Telemetry;

/// <summary>Runs alone: OpenTelemetry listens to meters by name, so another portal's joins would count here.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JoinTelemetryRunsAlone : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Join telemetry";
}

/// <summary>
/// The field report's skew story (server 7 min ahead of Zoom since the last measurement) through Chromium, with the
/// metrics and traces captured by OpenTelemetry's in-memory exporters.
/// </summary>
[Collection(JoinTelemetryRunsAlone.Name)]
public sealed class JoinTelemetryTests(BrowserFixture browser, TelemetryPortalFixture portal) : IClassFixture<TelemetryPortalFixture>
{
    private const string Name = "Tess Telemetry";
    private static readonly TimeSpan ZoomBehindServer = TimeSpan.FromMinutes(-7);

    [Fact]
    public async Task A_join_that_fails_with_3712_then_succeeds_is_measured_and_traced_without_personal_data()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        IReadOnlyList<MetricSnapshot> metrics = [];
        await portal.WithZoomClockMovedAsync(ZoomBehindServer, async () =>
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
                await JoinPageFlow.JoinButton(page).ClickAsync();
                await Expect(JoinPageFlow.SandboxMeeting(page)).ToBeVisibleAsync();
            });
            await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
                all => all.Count >= 2 && all.All(a => a.JoinOutcome == JoinAttemptOutcome.Succeeded));
            // Collected while Zoom's clock is still 7 minutes behind, as the portal last measured it.
            metrics = portal.CollectMetrics();
        });

        var attempts = Points(metrics, "zoomportal.join.attempts");
        var seen = string.Join("; ", attempts.Select(p => string.Join(",", Tags(p).Select(t => $"{t.Key}={t.Value}")) + $" → {p.GetSumLong()}"));
        Assert.True(attempts.Count == 2, seen);
        Assert.True(Sum(attempts, ("outcome", "failed"), ("category", "Signature"), ("attempt", "1"), ("view", "Sandbox")) == 1, seen);
        Assert.Equal(1, Sum(attempts, ("outcome", "succeeded"), ("category", "None"), ("attempt", "2"), ("view", "Sandbox")));
        var timeToJoin = Assert.Single(Points(metrics, "zoomportal.join.time_to_join"));
        Assert.Equal(1, timeToJoin.GetHistogramCount());
        Assert.InRange(timeToJoin.GetHistogramSum(), 3, 60); // includes the 3 s wait before the retry
        Assert.Equal(2, Sum(Points(metrics, "zoomportal.signatures.issued"), ("role", "attendee")));
        var offset = Assert.Single(Points(metrics, "zoomportal.zoom.clock.offset")).GetGaugeLastValueDouble();
        Assert.InRange(offset, ZoomBehindServer.TotalSeconds - 2, ZoomBehindServer.TotalSeconds + 2);
        Assert.InRange(Assert.Single(Points(metrics, "zoomportal.zoom.clock.uncertainty")).GetGaugeLastValueDouble(), 0, 2);
        Assert.True(Sum(Points(metrics, "zoomportal.zoom.api.calls"), ("endpoint", "POST /oauth/token"), ("status", "200")) >= 1);
        Assert.True(Sum(Points(metrics, "zoomportal.zoom.api.calls"), ("endpoint", "GET /users/{userId}/meetings"), ("status", "200")) >= 1);
        Assert.NotEmpty(Points(metrics, "zoomportal.zoom.api.duration"));
        Assert.NotEmpty(Points(metrics, "aspnetcore.components.circuit.active"));
        Assert.NotEmpty(Points(metrics, "signalr.server.active_connections"));

        // One trace per join: a signature span and a result span for each attempt.
        var spans = portal.CollectSpans();
        var join = spans.Where(s => s.OperationName.StartsWith("zoomportal.join.", StringComparison.Ordinal)).ToList();
        Assert.Single(join.Select(s => s.TraceId).Distinct());
        Assert.Equal(2, join.Count(s => s.OperationName == "zoomportal.join.signature"));
        var results = join.Where(s => s.OperationName == "zoomportal.join.result").OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["failed", "succeeded"], results.Select(s => (string?)s.GetTagItem("zoomportal.join.outcome")));
        Assert.Equal(3712, results[0].GetTagItem("zoom.sdk.error_code"));
        Assert.Equal(ActivityStatusCode.Error, results[0].Status);
        Assert.Contains(spans, s => s.OperationName == "Zoom GET /users/{userId}/meetings" && s.Kind == ActivityKind.Client);

        // No attribute anywhere holds the user id, the name, a secret or a signature (a JWT starts "eyJ").
        var forbidden = new[]
        {
            SandboxJoinPortal.DevelopmentUserId(Name), Name, SandboxSdkCredentials.ClientSecret, ZoomSandboxAccount.ClientSecret,
            ZoomSandboxAccount.AccountId, "eyJ", "@",
        }.Concat(portal.Sandbox().Account.Users.SelectMany(u => new[] { u.Id, u.Email }));
        var values = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.OperationName} {t.Key}={t.Value}"))
            .Concat(metrics.SelectMany(m => m.MetricPoints.SelectMany(p => Tags(p).Select(t => $"{m.Name} {t.Key}={t.Value}"))))
            .ToList();
        Assert.NotEmpty(values);
        var leaks = forbidden.SelectMany(word => values.Where(v => v.Contains(word, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private static List<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name) =>
        [.. metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)];

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static long Sum(IEnumerable<MetricPoint> points, params (string Key, string Value)[] tags) =>
        points.Where(p => tags.All(t => Tags(p).Any(x => x.Key == t.Key && string.Equals(x.Value?.ToString(), t.Value, StringComparison.Ordinal))))
            .Sum(p => p.GetSumLong());
}
