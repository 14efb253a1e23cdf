using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Localisation;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Alerts;

/// <summary>
/// One condition an operator wants to hear about. <see cref="Id"/> names the incident it opens. Its title and summaries
/// are resource texts: the admin pages show them in the viewer's language, the alert webhook in English (invariant).
/// </summary>
internal interface IAlertRule
{
    string Id { get; }

    LocalisedText Title { get; }

    Task<AlertCheck> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>Whether a rule fires now, and a sentence that says why (no personal data, no secrets); null when quiet.</summary>
internal sealed record AlertCheck(bool Firing, LocalisedText? Summary)
{
    public static AlertCheck Quiet { get; } = new(false, null);
}

/// <summary>Share of joins that ended failed (after retries) among those that ended in the window.</summary>
internal sealed class JoinFailureRateRule(IDbContextFactory<PortalDbContext> factory, IOptionsMonitor<AlertOptions> options, TimeProvider time) : IAlertRule
{
    private static LaterText L => LaterText.Instance;

    public string Id => "join-failure-rate";

    public LocalisedText Title => L["Alerts.JoinFailures.Title"];

    public async Task<AlertCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.JoinFailureRate <= 0)
        {
            return AlertCheck.Quiet;
        }

        var since = (time.GetUtcNow() - settings.JoinFailureWindow).UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var joins = await db.JoinAttempts
            .Where(a => a.FinishedAt >= since && (a.JoinOutcome == JoinAttemptOutcome.Succeeded || a.JoinOutcome == JoinAttemptOutcome.Failed))
            .GroupBy(a => a.JoinOutcome)
            .Select(g => new { Outcome = g.Key, Joins = g.Select(a => a.JoinId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var failed = joins.Where(j => j.Outcome == JoinAttemptOutcome.Failed).Sum(j => j.Joins);
        var total = joins.Sum(j => j.Joins);
        if (total < settings.JoinFailureMinJoins)
        {
            return AlertCheck.Quiet;
        }

        var rate = (double)failed / total;
        var summary = L["Alerts.JoinFailures.Summary", failed, total, DurationText.Format(settings.JoinFailureWindow), rate, settings.JoinFailureRate];
        return new AlertCheck(rate >= settings.JoinFailureRate, summary);
    }
}

/// <summary>Zoom's clock off by more than <c>Admin:ClockOffsetWarning</c>: signatures are corrected, but NTP is broken.</summary>
internal sealed class ClockOffsetRule(IZoomClock clock, IOptionsMonitor<AlertOptions> options, IOptionsMonitor<AdminOptions> admin) : IAlertRule
{
    private static LaterText L => LaterText.Instance;

    public string Id => "clock-offset";

    public LocalisedText Title => L["Alerts.ClockOffset.Title"];

    public Task<AlertCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var estimate = clock.Current;
        var limit = admin.CurrentValue.ClockOffsetWarning;
        if (!options.CurrentValue.ClockOffset || !estimate.IsKnown || estimate.Offset.Duration() <= limit)
        {
            return Task.FromResult(AlertCheck.Quiet);
        }

        var (offset, uncertainty, beyond) = (DurationText.Format(estimate.Offset), DurationText.Format(estimate.Uncertainty), DurationText.Format(limit));
        return Task.FromResult(new AlertCheck(true, estimate.Offset < TimeSpan.Zero
            ? L["Alerts.ClockOffset.Ahead", offset, uncertainty, beyond]
            : L["Alerts.ClockOffset.Behind", offset, uncertainty, beyond]));
    }
}

/// <summary>The last Zoom API call failed, or no call succeeded for <c>Admin:ApiFailureWarning</c>.</summary>
internal sealed class ZoomApiRule(ZoomApiHealth health, IOptionsMonitor<AlertOptions> options, IOptionsMonitor<AdminOptions> admin, TimeProvider time) : IAlertRule
{
    private static LaterText L => LaterText.Instance;

    public string Id => "zoom-api";

    public LocalisedText Title => L["Alerts.ZoomApi.Title"];

    public Task<AlertCheck> CheckAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.ZoomApi)
        {
            return Task.FromResult(AlertCheck.Quiet);
        }

        var snapshot = health.Snapshot;
        var now = time.GetUtcNow();
        if (snapshot.LastFailureAt is { } failedAt && (snapshot.LastSuccessAt is null || failedAt > snapshot.LastSuccessAt))
        {
            // LastFailure is written for administrators: it holds no token or secret.
            return Task.FromResult(new AlertCheck(true, L["Alerts.ZoomApi.LastFailed", DurationText.Format(now - failedAt), snapshot.LastFailure ?? string.Empty]));
        }

        var limit = admin.CurrentValue.ApiFailureWarning;
        return Task.FromResult(snapshot.LastSuccessAt is { } okAt && now - okAt > limit
            ? new AlertCheck(true, L["Alerts.ZoomApi.NoSuccess", DurationText.Format(now - okAt), DurationText.Format(limit)])
            : AlertCheck.Quiet);
    }
}

/// <summary>Meetings are running (as the catalog knows them) but no Zoom webhook arrived for <c>Alerts:WebhookSilence</c>.</summary>
internal sealed class WebhookSilenceRule(
    IWebhookActivity webhooks,
    IDbContextFactory<PortalDbContext> factory,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider time) : IAlertRule
{
    private static LaterText L => LaterText.Instance;

    public string Id => "webhooks-silent";

    public LocalisedText Title => L["Alerts.Webhooks.Title"];

    public async Task<AlertCheck> CheckAsync(CancellationToken cancellationToken)
    {
        if (options.CurrentValue.WebhookSilence is not { } silence || !webhooks.IsConfigured)
        {
            return AlertCheck.Quiet;
        }

        var last = webhooks.LastReceivedAt;
        var now = time.GetUtcNow();
        if (last is { } at && now - at <= silence)
        {
            return AlertCheck.Quiet;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var running = await db.Meetings.CountAsync(m => m.ZoomStatus == MeetingStatuses.Started, cancellationToken);
        if (running == 0)
        {
            return AlertCheck.Quiet;
        }

        return new AlertCheck(true, last is { } l
            ? L["Alerts.Webhooks.SilentFor", running, DurationText.Format(now - l), DurationText.Format(silence)]
            : L["Alerts.Webhooks.SilentSinceStart", running, DurationText.Format(silence)]);
    }
}
