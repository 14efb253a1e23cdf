using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Attendance;

/// <summary>
/// A token bucket per connection on <see cref="AttendanceHub.Report"/> and <see cref="AttendanceHub.ReportBatch"/> (a token
/// per event, so a batch costs what its events would cost one by one): a page that floods is told to slow down, and one
/// that keeps flooding is disconnected. The bucket lives with the connection (its Items), not in the hub.
/// </summary>
internal sealed partial class AttendanceRateLimitFilter(IOptions<AttendanceOptions> options, ILogger<AttendanceRateLimitFilter> logger) : IHubFilter
{
    private const string BucketKey = "attendance-rate";
    private const string StrikesKey = "attendance-rate-strikes";
    private const int StrikesBeforeDisconnect = 50;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.Hub is not AttendanceHub || invocationContext.HubMethodName is not (nameof(AttendanceHub.Report) or nameof(AttendanceHub.ReportBatch)))
        {
            return await next(invocationContext);
        }

        var argument = invocationContext.HubMethodArguments.Count > 0 ? invocationContext.HubMethodArguments[0] : null;
        var batch = argument as AttendanceReport[];
        if (invocationContext.HubMethodName == nameof(AttendanceHub.ReportBatch) && batch is not { Length: > 0 and <= AttendanceReportRules.MaxBatchSize })
        {
            // Empty or oversized: the hub ends the connection.
            return await next(invocationContext);
        }

        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(BucketKey, out var value) || value is not TokenBucketRateLimiter bucket)
        {
            var settings = options.Value;
            bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.EventBurst,
                TokensPerPeriod = settings.EventsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
            items[BucketKey] = bucket;
        }

        // A batch larger than the bucket could never pass: it takes the whole bucket instead.
        using var lease = bucket.AttemptAcquire(Math.Min(batch?.Length ?? 1, options.Value.EventBurst));
        if (lease.IsAcquired)
        {
            return await next(invocationContext);
        }

        var strikes = items.TryGetValue(StrikesKey, out var s) && s is int n ? n + 1 : 1;
        items[StrikesKey] = strikes;
        if (strikes >= StrikesBeforeDisconnect)
        {
            LogDisconnected(logger, invocationContext.Context.ConnectionId);
            invocationContext.Context.Abort();
        }

        // An answer, not an exception: SignalR logs a throwing hub method as an error, and a flood is the client's fault.
        if (batch is not null)
        {
            return batch.Select(r => new AttendanceAck(r?.EventId ?? Guid.Empty, false, AttendanceAck.TooManyEvents)).ToArray();
        }

        var eventId = argument is AttendanceReport report ? report.EventId : Guid.Empty;
        return new AttendanceAck(eventId, false, AttendanceAck.TooManyEvents);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.Items.TryGetValue(BucketKey, out var value) && value is IDisposable bucket)
        {
            bucket.Dispose();
        }

        return next(context, exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attendance connection {ConnectionId} kept exceeding the event rate and was disconnected")]
    private static partial void LogDisconnected(ILogger logger, string connectionId);
}
