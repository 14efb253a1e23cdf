using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Telemetry;

namespace ZoomPortal.Features.Admin;

/// <summary>
/// The write side of the join-error log (<see cref="JoinAttemptQuery"/> is its read side). A browser's report about an
/// attempt comes in through ONE entry point, <see cref="RecordReportAsync"/>, which also decides what the page does next;
/// the server's own events are a signature issued (<see cref="RecordSignedAsync"/>) and a join left unfinished
/// (<see cref="AbandonAsync"/>).
/// </summary>
public sealed partial class JoinAttemptRecorder(
    IDbContextFactory<PortalDbContext> dbs,
    IOptions<JoinOptions> options,
    TimeProvider time,
    ILogger<JoinAttemptRecorder> logger,
    JoinTelemetry? telemetry = null) : IDisposable
{
    /// <summary>Warning lines per join and minute: a page that floods reports cannot flood the log.</summary>
    private const int LogLinesPerJoinAndMinute = 10;

    /// <summary>Messages of codes the catalogue does not know are kept shorter: they are the browser's words only.</summary>
    private const int MaxUnknownMessageLength = 100;

    private readonly PartitionedRateLimiter<Guid> _logLines = PartitionedRateLimiter.Create<Guid, Guid>(joinId =>
        RateLimitPartition.GetFixedWindowLimiter(joinId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = LogLinesPerJoinAndMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Longest time-to-join kept: anything longer is not a join, it is a page left open.</summary>
    private static readonly TimeSpan MaxTimeToJoin = TimeSpan.FromHours(4);

    /// <summary>
    /// Records what the browser reported about one attempt (checked by <see cref="JoinAttemptReport.TryCreate"/>) and
    /// says what the page does next. A success ends the join; a failure the policy stops at ends it as failed.
    /// </summary>
    /// <param name="waitedForHost">How long this join has waited for the host so far.</param>
    public async Task<JoinReportOutcome> RecordReportAsync(
        ClaimsPrincipal user,
        JoinSession session,
        JoinAttemptReport report,
        string? userAgent,
        TimeSpan waitedForHost,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(report);
        if (!IsOwner(user, session))
        {
            return JoinReportOutcome.Rejected;
        }

        using var activity = telemetry?.ReportReceived(session, report.AttemptNumber);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var attempts = await db.JoinAttempts.Where(a => a.JoinId == session.JoinId).ToListAsync(cancellationToken);
        var attempt = attempts.Find(a => a.AttemptNumber == report.AttemptNumber);
        var refusal = Refusal(attempts, attempt, report);
        if (refusal is not null)
        {
            if (_logLines.AttemptAcquire(session.JoinId).IsAcquired)
            {
                LogReportRefused(logger, session.JoinId, report.AttemptNumber, refusal);
            }

            return JoinReportOutcome.Rejected;
        }

        var issued = attempt is not null;
        if (attempt is null)
        {
            attempt = NewAttempt(session, report.AttemptNumber);
            db.JoinAttempts.Add(attempt);
            attempts.Add(attempt);
        }

        Apply(attempt, report, userAgent);
        if (report.Succeeded)
        {
            attempt.Outcome = JoinAttemptOutcome.Succeeded;
            attempt.ErrorCode = null;
            attempt.ErrorMessage = null;
            attempt.ErrorCategory = JoinErrorCategory.None;
            // Never longer than the server has seen this join run (plus the SDK's load and init before the first signature).
            var ran = time.GetUtcNow().UtcDateTime - attempts.Min(a => a.StartedAt) + options.Value.LoadTimeout + options.Value.InitTimeout;
            var limit = (long)Math.Min(MaxTimeToJoin.TotalMilliseconds, Math.Max(0, ran.TotalMilliseconds));
            attempt.TimeToJoinMs = (int)Math.Clamp(report.TimeToJoinMs ?? 0, 0, limit);
            EndJoin(attempts, JoinAttemptOutcome.Succeeded);
            await db.SaveChangesAsync(cancellationToken);
            telemetry?.AttemptEnded(activity, attempt);
            LogJoined(logger, session.JoinId, session.SupportCode, report.AttemptNumber, attempt.TimeToJoinMs.Value);
            return JoinReportOutcome.Joined;
        }

        var code = report.ErrorCode ?? PortalErrorCodes.SdkTimeout;
        var error = JoinErrorCatalog.Classify(code, report.ErrorMessage);
        // A failure before any signature (the SDK did not load or init) ends the join: the page cannot go on without one.
        var next = issued ? JoinRetryPolicy.Decide(error, report.AttemptNumber, waitedForHost, options.Value) : JoinNextStep.Stop;
        attempt.Outcome = JoinAttemptOutcome.Failed;
        attempt.ErrorCode = code;
        attempt.ErrorCategory = error.Category;
        if (error.Category == JoinErrorCategory.Unknown && attempt.ErrorMessage is { Length: > MaxUnknownMessageLength } unknownMessage)
        {
            attempt.ErrorMessage = unknownMessage[..MaxUnknownMessageLength];
        }

        if (next.Action == JoinNextAction.Stop)
        {
            EndJoin(attempts, JoinAttemptOutcome.Failed);
        }

        await db.SaveChangesAsync(cancellationToken);
        telemetry?.AttemptEnded(activity, attempt);
        if (_logLines.AttemptAcquire(session.JoinId).IsAcquired)
        {
            LogAttemptFailed(logger, session.JoinId, session.SupportCode, report.AttemptNumber, code, error.Category, next.Action);
        }

        return new JoinReportOutcome(error, next);
    }

    /// <summary>
    /// Whether the server may sign attempt <paramref name="attemptNumber"/> of this join: the join has not ended, every
    /// earlier attempt was reported, the number is the next one, and the join stays within <c>Join:MaxAttempts</c>
    /// plus the waits for the host the server allows.
    /// </summary>
    public async Task<bool> MayIssueAsync(JoinSession session, int attemptNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var attempts = await db.JoinAttempts.AsNoTracking().Where(a => a.JoinId == session.JoinId)
            .Select(a => new { a.AttemptNumber, a.Outcome, a.JoinOutcome }).ToListAsync(cancellationToken);
        if (attemptNumber > MaxAttemptsPerJoin(options.Value) || attempts.Exists(a => a.JoinOutcome is not null || a.Outcome == JoinAttemptOutcome.InProgress))
        {
            return false;
        }

        return attemptNumber == (attempts.Count == 0 ? 1 : attempts.Max(a => a.AttemptNumber) + 1);
    }

    /// <summary>Retries after errors plus the waits for the host that <c>Join:WaitForHostTimeout</c> allows.</summary>
    public static int MaxAttemptsPerJoin(JoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var waits = options.WaitForHostInterval > TimeSpan.Zero
            ? (int)Math.Ceiling(options.WaitForHostTimeout / options.WaitForHostInterval)
            : 0;
        return options.MaxAttempts + waits;
    }

    public void Dispose() => _logLines.Dispose();

    /// <summary>
    /// Why a report is not accepted, or null: the join's outcome is final; the attempt was already reported; or it is
    /// an attempt the server did not sign, which is accepted only as a failure of the next attempt (the SDK failing to
    /// load or init before it asked for a signature).
    /// </summary>
    private string? Refusal(List<JoinAttempt> attempts, JoinAttempt? attempt, JoinAttemptReport report)
    {
        if (attempts.Exists(a => a.JoinOutcome is not null))
        {
            return "the join has already ended";
        }

        if (attempt is not null)
        {
            return attempt.Outcome == JoinAttemptOutcome.InProgress ? null : "the attempt was already reported";
        }

        var expected = attempts.Count == 0 ? 1 : attempts.Max(a => a.AttemptNumber) + 1;
        return report.Succeeded || report.AttemptNumber != expected || report.AttemptNumber > MaxAttemptsPerJoin(options.Value) ||
            attempts.Exists(a => a.Outcome == JoinAttemptOutcome.InProgress)
            ? "the server did not sign that attempt"
            : null;
    }

    /// <summary>A signature was issued for an attempt: the attempt starts, with what it was signed with (never the token).</summary>
    /// <param name="clockMeasured">Zoom's clock had been measured; otherwise the offset used is not evidence and is not kept.</param>
    /// <param name="devices">What the page's device check found and chose, when it ran (Zoom's SDK takes no device choice, so it is kept here).</param>
    public async Task RecordSignedAsync(JoinSession session, int attemptNumber, MeetingSignature signature, bool clockMeasured, CancellationToken cancellationToken, string? devices = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(signature);
        using var activity = telemetry?.SignatureIssued(session, attemptNumber, signature, clockMeasured);
        // The window is relative to the server's clock when it signed: keep that instant as the attempt's start.
        var now = signature.SignedAt.UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        db.SignatureIssuances.Add(new SignatureIssuanceRecord
        {
            CreatedAt = now,
            UserId = session.UserId,
            MeetingId = session.MeetingId,
            Role = signature.Role.Value,
            IssuedAt = signature.IssuedAt.UtcDateTime,
            ExpiresAt = signature.ExpiresAt.UtcDateTime,
            JoinId = session.JoinId,
        });
        var attempt = await FindOrAddAsync(db, session, attemptNumber, cancellationToken);
        attempt.StartedAt = now;
        attempt.SignatureIssuedAt = signature.IssuedAt.UtcDateTime;
        attempt.SignatureExpiresAt = signature.ExpiresAt.UtcDateTime;
        attempt.SignatureWindow = signature.Window;
        attempt.ZoomClockOffsetMs = clockMeasured ? (long)signature.ClockOffsetUsed.TotalMilliseconds : null;
        attempt.ZoomClockUncertaintyMs = clockMeasured ? (long)signature.ClockUncertainty.TotalMilliseconds : null;
        attempt.Devices = devices is { Length: > DeviceCheckResult.MaxSummaryLength } ? devices[..DeviceCheckResult.MaxSummaryLength] : devices;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Ends a join that had not succeeded (the user left or the page closed): attempts still in progress become
    /// abandoned, and the join's outcome is written on all its attempts. A join that already ended keeps its outcome.
    /// </summary>
    public async Task AbandonAsync(ClaimsPrincipal user, JoinSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!IsOwner(user, session))
        {
            return;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var attempts = await db.JoinAttempts.Where(a => a.JoinId == session.JoinId).ToListAsync(cancellationToken);
        if (attempts.Count == 0 || attempts.Exists(a => a.JoinOutcome is not null))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var attempt in attempts.Where(a => a.Outcome == JoinAttemptOutcome.InProgress))
        {
            attempt.Outcome = JoinAttemptOutcome.Abandoned;
            attempt.ErrorCode = PortalErrorCodes.Abandoned;
            attempt.ErrorCategory = JoinErrorCategory.None;
            attempt.FinishedAt = now;
        }

        attempts.ForEach(a => a.JoinOutcome = JoinAttemptOutcome.Abandoned);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// How Zoom rejected the join's earlier signatures, for the next signature's window: each rejected attempt's window
    /// relative to the server's clock when it was signed, and whether Zoom called it expired (3705) or invalid (3712).
    /// </summary>
    public async Task<IReadOnlyList<SignatureRejection>> RejectionsAsync(JoinSession session, int beforeAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rejected = await db.JoinAttempts.AsNoTracking()
            .Where(a => a.JoinId == session.JoinId && a.AttemptNumber < beforeAttempt && a.ErrorCategory == JoinErrorCategory.Signature &&
                        a.SignatureIssuedAt != null && a.SignatureExpiresAt != null)
            .OrderBy(a => a.AttemptNumber)
            .Select(a => new { a.StartedAt, a.SignatureIssuedAt, a.SignatureExpiresAt, a.ErrorCode, a.ErrorMessage })
            .ToListAsync(cancellationToken);
        return [.. rejected.Select(a => new SignatureRejection(
            a.SignatureIssuedAt!.Value - a.StartedAt,
            a.SignatureExpiresAt!.Value - a.StartedAt,
            JoinErrorCatalog.IsExpiredSignature(a.ErrorCode ?? 0, a.ErrorMessage)))];
    }

    private static bool IsOwner(ClaimsPrincipal user, JoinSession session) =>
        user?.Identity?.IsAuthenticated == true && user.UserId() is { Length: > 0 } id && id == session.UserId;

    private void Apply(JoinAttempt attempt, JoinAttemptReport report, string? userAgent)
    {
        var agent = UserAgentInfo.Parse(userAgent);
        attempt.FinishedAt = time.GetUtcNow().UtcDateTime;
        attempt.ErrorMessage = report.ErrorMessage;
        attempt.SdkVersion = report.SdkVersion ?? attempt.SdkVersion;
        attempt.SdkView = report.SdkView ?? attempt.SdkView;
        attempt.Browser = agent.Browser;
        attempt.OperatingSystem = agent.OperatingSystem;
        attempt.BrowserClockOffsetMs = report.BrowserClockOffsetMs ?? attempt.BrowserClockOffsetMs;
    }

    private async Task<JoinAttempt> FindOrAddAsync(PortalDbContext db, JoinSession session, int attemptNumber, CancellationToken cancellationToken)
    {
        var attempt = await db.JoinAttempts.FirstOrDefaultAsync(a => a.JoinId == session.JoinId && a.AttemptNumber == attemptNumber, cancellationToken);
        if (attempt is null)
        {
            attempt = NewAttempt(session, attemptNumber);
            db.JoinAttempts.Add(attempt);
        }

        return attempt;
    }

    private JoinAttempt NewAttempt(JoinSession session, int attemptNumber) => new()
    {
        JoinId = session.JoinId,
        SupportCode = session.SupportCode,
        AttemptNumber = attemptNumber,
        StartedAt = time.GetUtcNow().UtcDateTime,
        UserId = session.UserId,
        MeetingId = session.MeetingId,
        Role = session.Role.Value,
        Outcome = JoinAttemptOutcome.InProgress,
    };

    private static void EndJoin(List<JoinAttempt> attempts, JoinAttemptOutcome outcome) => attempts.ForEach(a => a.JoinOutcome = outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: report for attempt {AttemptNumber} refused: {Reason}")]
    private static partial void LogReportRefused(ILogger logger, Guid joinId, int attemptNumber, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId} ({SupportCode}): attempt {AttemptNumber} failed with {ErrorCode} ({Category}); next: {Next}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid joinId, string supportCode, int attemptNumber, int errorCode, JoinErrorCategory category, JoinNextAction next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId} ({SupportCode}): in the meeting on attempt {AttemptNumber} after {TimeToJoinMs} ms")]
    private static partial void LogJoined(ILogger logger, Guid joinId, string supportCode, int attemptNumber, int timeToJoinMs);
}
