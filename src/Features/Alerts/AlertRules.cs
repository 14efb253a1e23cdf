using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Alerts;

/// <summary>One condition an operator wants to hear about. <see cref="Id"/> names the incident it opens.</summary>
internal interface IAlertRule
{
    string Id { get; }

    string Title { get; }

    Task<AlertCheck> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>Whether a rule fires now, and a sentence that says why (no personal data, no secrets).</summary>
internal sealed record AlertCheck(bool Firing, string Summary)
{
    public static AlertCheck Quiet { get; } = new(false, string.Empty);
}

/// <summary>Share of joins that ended failed (after retries) among those that ended in the window.</summary>
internal sealed class JoinFailureRateRule(IDbContextFactory<PortalDbContext> factory, IOptionsMonitor<AlertOptions> options, TimeProvider time) : IAlertRule
{
    public string Id => "join-failure-rate";

    public string Title => "Joins are failing";

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
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{failed} of {total} joins failed after retries in the last {DurationText.Format(settings.JoinFailureWindow)} ({rate:P0}; alert at {settings.JoinFailureRate:P0}). See /admin/join-errors.");
        return new AlertCheck(rate >= settings.JoinFailureRate, summary);
    }
}

/// <summary>Zoom's clock off by more than <c>Admin:ClockOffsetWarning</c>: signatures are corrected, but NTP is broken.</summary>
internal sealed class ClockOffsetRule(IZoomClock clock, IOptionsMonitor<AlertOptions> options, IOptionsMonitor<AdminOptions> admin) : IAlertRule
{
    public string Id => "clock-offset";

    public string Title => "This server's clock is off";

    public Task<AlertCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var estimate = clock.Current;
        var limit = admin.CurrentValue.ClockOffsetWarning;
        if (!options.CurrentValue.ClockOffset || !estimate.IsKnown || estimate.Offset.Duration() <= limit)
        {
            return Task.FromResult(AlertCheck.Quiet);
        }

        var direction = estimate.Offset < TimeSpan.Zero ? "ahead of" : "behind";
        return Task.FromResult(new AlertCheck(true,
            $"This server's clock is {DurationText.Format(estimate.Offset)} {direction} Zoom's (± {DurationText.Format(estimate.Uncertainty)}; " +
            $"alert beyond {DurationText.Format(limit)}). Fix the server's time synchronisation (NTP)."));
    }
}

/// <summary>The last Zoom API call failed, or no call succeeded for <c>Admin:ApiFailureWarning</c>.</summary>
internal sealed class ZoomApiRule(ZoomApiHealth health, IOptionsMonitor<AlertOptions> options, IOptionsMonitor<AdminOptions> admin, TimeProvider time) : IAlertRule
{
    public string Id => "zoom-api";

    public string Title => "Zoom's API is failing";

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
            return Task.FromResult(new AlertCheck(true, $"The last call to Zoom's API failed ({DurationText.Format(now - failedAt)} ago): {snapshot.LastFailure}"));
        }

        var limit = admin.CurrentValue.ApiFailureWarning;
        return Task.FromResult(snapshot.LastSuccessAt is { } okAt && now - okAt > limit
            ? new AlertCheck(true, $"No successful call to Zoom's API for {DurationText.Format(now - okAt)} (alert after {DurationText.Format(limit)}).")
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
    public string Id => "webhooks-silent";

    public string Title => "Zoom webhooks are silent";

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

        var since = last is { } l ? $"for {DurationText.Format(now - l)}" : "since the portal started";
        return new AlertCheck(true,
            $"{running} meeting(s) are running but no Zoom webhook arrived {since} (alert after {DurationText.Format(silence)}). Check the webhook subscription in the Zoom App Marketplace.");
    }
}
