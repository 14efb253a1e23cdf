using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Auth.Sessions;

/// <summary>
/// The server's record of who is signed in. Every request asks <see cref="IsActiveAsync"/> (answered from memory for
/// at most <see cref="CacheDuration"/>, so another instance's revocation takes effect here within that time; this
/// instance's own revocations at once), and every circuit asks again each
/// <c>Authentication:Session:RevalidationInterval</c> and whenever this instance ends a session.
/// </summary>
public sealed partial class PortalSessionStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    IMemoryCache cache,
    IOptions<SessionOptions> options,
    TimeProvider time,
    ILogger<PortalSessionStore> logger)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LastSeenWriteInterval = TimeSpan.FromMinutes(1);

    /// <summary>Raised after sessions end on this instance, with their ids and why (circuits of those sessions end at once).</summary>
    public event Action<IReadOnlyCollection<string>, PortalSessionEnd>? SessionsEnded;

    public async Task<PortalSession> StartAsync(string userId, string userName, string method, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new PortalSession
        {
            Id = Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = Truncate(userId, 128),
            UserName = Truncate(userName, 128),
            Method = Truncate(method, 16),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.Add(options.Value.AbsoluteLifetime),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.PortalSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        LogStarted(logger, userId, session.ExpiresAt);
        return session;
    }

    /// <summary>Whether the session exists, has not ended and is within its absolute lifetime.</summary>
    public async Task<bool> IsActiveAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(sessionId))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (cache.TryGetValue(CacheKey(sessionId), out DateTime cachedExpiry))
        {
            return now < cachedExpiry;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.PortalSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !session.IsActiveAt(now))
        {
            cache.Set(CacheKey(sessionId), DateTime.MinValue, CacheDuration);
            return false;
        }

        if (now - session.LastSeenAt >= LastSeenWriteInterval)
        {
            await db.PortalSessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        cache.Set(CacheKey(sessionId), session.ExpiresAt, CacheDuration);
        return true;
    }

    /// <summary>Ends one session (sign-out). Returns whether an active session ended.</summary>
    public Task<int> EndAsync(string? sessionId, PortalSessionEnd reason, CancellationToken cancellationToken) =>
        IsWellFormed(sessionId)
            ? EndWhereAsync(s => s.Id == sessionId, reason, cancellationToken)
            : Task.FromResult(0);

    /// <summary>Ends every active session of one user ("sign out everywhere", or an administrator's action).</summary>
    public Task<int> EndAllForUserAsync(string userId, PortalSessionEnd reason, CancellationToken cancellationToken) =>
        EndWhereAsync(s => s.UserId == userId, reason, cancellationToken);

    /// <summary>Active sessions, newest first, for the administrators' page.</summary>
    public Task<IReadOnlyList<PortalSession>> ListActiveAsync(int max, CancellationToken cancellationToken) =>
        ListActiveWhereAsync(_ => true, max, cancellationToken);

    /// <summary>One user's active sessions, newest first, for their account page.</summary>
    public Task<IReadOnlyList<PortalSession>> ListActiveForUserAsync(string userId, CancellationToken cancellationToken) =>
        ListActiveWhereAsync(s => s.UserId == userId, 100, cancellationToken);

    private async Task<IReadOnlyList<PortalSession>> ListActiveWhereAsync(System.Linq.Expressions.Expression<Func<PortalSession, bool>> which, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PortalSessions.AsNoTracking()
            .Where(which)
            .Where(s => s.EndedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Deletes sessions that ended or expired before <paramref name="cutoff"/>.</summary>
    public async Task<int> PurgeAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PortalSessions
            .Where(s => s.ExpiresAt < cutoff || (s.EndedAt != null && s.EndedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }

    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? sessionId) =>
        sessionId is { Length: PortalSession.IdLength } && sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<int> EndWhereAsync(System.Linq.Expressions.Expression<Func<PortalSession, bool>> which, PortalSessionEnd reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.PortalSessions.Where(which).Where(s => s.EndedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await db.PortalSessions.Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
        foreach (var id in ids)
        {
            cache.Set(CacheKey(id), DateTime.MinValue, CacheDuration);
        }

        LogEnded(logger, ids.Count, reason);
        SessionsEnded?.Invoke(ids, reason);
        return ids.Count;
    }

    private static string CacheKey(string sessionId) => "portal-session:" + sessionId;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Session started for {UserId}, ends at the latest at {ExpiresAt:o}")]
    private static partial void LogStarted(ILogger logger, string userId, DateTime expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} session(s) ended: {Reason}")]
    private static partial void LogEnded(ILogger logger, int count, PortalSessionEnd reason);
}
