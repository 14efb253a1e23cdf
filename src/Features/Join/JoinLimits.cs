using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Join;

/// <summary>
/// What one user may ask of the join: signatures and ZAK fetches per minute, partitioned by user id, and the host's ZAK
/// reused for the same meeting within <see cref="JoinOptions.ZakLifetime"/>. The ZAK never leaves this class but into a ticket.
/// </summary>
public sealed class JoinLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signatures;
    private readonly PartitionedRateLimiter<string> _zakFetches;
    private readonly ConcurrentDictionary<(string UserId, long MeetingId), ZakEntry> _zaks = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _zakLifetime;

    public JoinLimits(IOptions<JoinOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _zakLifetime = options.Value.ZakLifetime;
        _signatures = PerUserPerMinute(options.Value.SignaturesPerUserPerMinute);
        _zakFetches = PerUserPerMinute(options.Value.ZakFetchesPerUserPerMinute);
    }

    /// <summary>Takes one of the user's signatures for this minute; false when they are used up.</summary>
    public bool TryTakeSignature(string userId)
    {
        using var lease = _signatures.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    /// <summary>Takes one of the host's ZAK fetches for this minute; false when they are used up.</summary>
    public bool TryTakeZakFetch(string userId)
    {
        using var lease = _zakFetches.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public string? CachedZak(string userId, long meetingId) =>
        _zaks.TryGetValue((userId, meetingId), out var cached) && cached.ExpiresAt > _time.GetUtcNow() ? cached.Zak : null;

    public void CacheZak(string userId, long meetingId, string zak)
    {
        var now = _time.GetUtcNow();
        _zaks[(userId, meetingId)] = new ZakEntry(zak, now + _zakLifetime);
        // Expired entries go on each write, so the cache stays as small as the number of hosts starting meetings.
        foreach (var entry in _zaks.Where(e => e.Value.ExpiresAt <= now))
        {
            _zaks.TryRemove(entry);
        }
    }

    public void Dispose()
    {
        _signatures.Dispose();
        _zakFetches.Dispose();
    }

    // A fixed window per user, no queue: a refused request is answered at once with a message, never held.
    private static PartitionedRateLimiter<string> PerUserPerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetFixedWindowLimiter(userId, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));

    private sealed record ZakEntry(string Zak, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"ZakEntry {{ ExpiresAt = {ExpiresAt:O} }}";
    }
}
