using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>
/// Works through the queue of verified deliveries, oldest first. A row is claimed for a minute before it is processed,
/// so that two instances do not both take it; a failure leaves it for a later round (at most 5 tries).
/// </summary>
internal sealed partial class ZoomWebhookProcessor(
    IDbContextFactory<PortalDbContext> dbFactory,
    AttendanceRecorder recorder,
    MeetingCatalogSync catalog,
    ZoomWebhookQueueSignal signal,
    IOptions<ZoomWebhookOptions> options,
    TimeProvider time,
    ILogger<ZoomWebhookProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessBatchAsync(stoppingToken) > 0)
                {
                }

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Processes up to one batch of due rows; returns how many were taken.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.WebhookDeliveries
                .Where(d => d.ProcessedAt == null && d.Attempts < MaxAttempts && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .OrderBy(d => d.Id).Select(d => d.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        }

        var taken = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, cancellationToken) is { } delivery)
            {
                taken++;
                await ProcessAsync(delivery, cancellationToken);
            }
        }

        return taken;
    }

    private async Task<WebhookDelivery?> ClaimAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var until = now + ClaimFor;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.ProcessedAt == null && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        return claimed == 1 ? await db.WebhookDeliveries.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken) : null;
    }

    private async Task ProcessAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            var webhook = ZoomWebhookEvent.Parse(delivery.Body, delivery.ReceivedAt);
            await HandleAsync(webhook, delivery.BodyHash, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or DbUpdateException or HttpRequestException or Zoom.ZoomApiException)
        {
            var text = ex.GetType().Name + ": " + ex.Message;
            error = text.Length > 500 ? text[..500] : text;
            LogFailed(logger, delivery.Id, delivery.Event, ex);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var processedAt = error is null ? time.GetUtcNow().UtcDateTime : (DateTime?)null;
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.ProcessedAt, processedAt).SetProperty(d => d.LastError, error).SetProperty(d => d.ClaimedUntil, (DateTime?)null),
            cancellationToken);
    }

    private async Task HandleAsync(ZoomWebhookEvent webhook, string bodyHash, CancellationToken cancellationToken)
    {
        switch (webhook.Event)
        {
            case "meeting.started" when webhook.MeetingId is { } id:
                await recorder.MeetingStartedAsync(id, webhook.MeetingUuid, webhook.At, cancellationToken);
                break;
            case "meeting.ended" when webhook.MeetingId is { } id:
                await recorder.MeetingEndedAsync(id, webhook.MeetingUuid, webhook.At, cancellationToken);
                break;
            case var name when ZoomWebhookEvent.ParticipantEvents.TryGetValue(name, out var kind) && webhook.MeetingId is { } id && webhook.Participant is { } p:
                await recorder.RecordAsync(id, webhook.MeetingUuid, new AttendanceEvent
                {
                    IdempotencyKey = "wh:" + bodyHash,
                    Source = AttendanceSource.Webhook,
                    Kind = kind,
                    OccurredAt = webhook.At,
                    CustomerKey = p.CustomerKey,
                    Email = p.Email,
                    ZoomUserId = p.ZoomUserId,
                    ParticipantUuid = p.ParticipantUuid,
                    DisplayName = p.DisplayName,
                }, cancellationToken);
                break;
            case "meeting.created" or "meeting.updated" or "meeting.deleted":
                await RefreshCatalogAsync(webhook, cancellationToken);
                break;
            default:
                LogIgnored(logger, webhook.Event);
                break;
        }
    }

    private async Task RefreshCatalogAsync(ZoomWebhookEvent webhook, CancellationToken cancellationToken)
    {
        if (!catalog.IsZoomConnected)
        {
            return;
        }

        string? hostEmail = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (webhook.MeetingId is { } id)
            {
                hostEmail = await db.Meetings.Where(m => m.Id == id).Select(m => m.HostEmail).FirstOrDefaultAsync(cancellationToken);
            }

            if (hostEmail is null && webhook.HostId is { } hostId)
            {
                hostEmail = await db.Meetings.Where(m => m.HostZoomUserId == hostId && m.HostEmail != null)
                    .Select(m => m.HostEmail).FirstOrDefaultAsync(cancellationToken);
            }
        }

        // A host the catalog has never seen: only a full refresh finds their meetings.
        _ = hostEmail is null
            ? await catalog.SyncAllAsync(cancellationToken)
            : await catalog.SyncHostAsync(hostEmail, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom webhook delivery {DeliveryId} ({Event}) failed; it is tried again later")]
    private static partial void LogFailed(ILogger logger, long deliveryId, string @event, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zoom webhook {Event} needs nothing from the portal")]
    private static partial void LogIgnored(ILogger logger, string @event);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of webhook processing failed; the queue is tried again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
