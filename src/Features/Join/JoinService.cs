using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Join;

/// <summary>
/// The server side of joining in the browser: who may join, a fresh signature (and for a host's start a ZAK) per
/// attempt, and the record of every attempt. Credentials go into the <see cref="JoinTicket"/> only.
/// </summary>
public sealed partial class JoinService(
    IDbContextFactory<PortalDbContext> dbs,
    MeetingAccess access,
    MeetingSignatureSigner signer,
    IZoomClock clock,
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IOptions<JoinOptions> options,
    TimeProvider time,
    ILogger<JoinService> logger)
{
    private readonly MeetingPasscodes _passcodes = new(protection);

    /// <summary>Begins a join; null when the meeting does not exist or the user may not see it (the page shows 404).</summary>
    /// <param name="resumeJoinId">The Client View's retry reloads its page: continue that join (same support code) when it is this user's.</param>
    public async Task<JoinSession?> StartJoinAsync(ClaimsPrincipal user, long meetingId, JoinKind kind, Guid? resumeJoinId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var meeting = await access.VisibleTo(db.Meetings, user).AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var userId = user.UserId() ?? string.Empty;
        var role = kind == JoinKind.Start ? 1 : 0;
        var decision = SignaturePolicy.Decide(user.Identity?.IsAuthenticated == true && userId.Length > 0, canSeeMeeting: true, access.IsHost(meeting.HostEmail, user), role);
        var resumed = resumeJoinId is { } resumeId && userId.Length > 0
            ? await db.JoinAttempts.AsNoTracking()
                .Where(a => a.JoinId == resumeId && a.UserId == userId && a.MeetingId == meetingId && a.Role == role && a.JoinOutcome == null)
                .Select(a => a.SupportCode)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var session = new JoinSession(
            resumed is null ? Guid.NewGuid() : resumeJoinId!.Value,
            resumed ?? JoinIdentity.NewSupportCode(),
            meeting.Id,
            kind,
            userId,
            meeting.Topic,
            JoinIdentity.NormalizeDisplayName(user.Identity?.Name) ?? JoinIdentity.NormalizeDisplayName(user.Email()) ?? "Portal user",
            meeting.ProtectedPasscode is not null,
            decision.Refusal);
        LogJoinStarted(logger, session.JoinId, session.SupportCode, meetingId, kind, userId, decision.Refusal);
        return session;
    }

    /// <summary>
    /// Signs a fresh signature for one attempt. The role comes from the session and is checked again here, whatever
    /// the browser asks; the clock is re-measured first after a signature error.
    /// </summary>
    public async Task<JoinTicketResult> IssueSignatureAsync(
        ClaimsPrincipal user,
        JoinSession session,
        int attemptNumber,
        bool remeasureClock,
        string? displayName,
        string? typedPasscode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(session);
        var userId = user.UserId();
        var signedIn = user.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(userId) && userId == session.UserId;
        if (!signedIn)
        {
            LogRefused(logger, session.JoinId, session.MeetingId, SignatureRefusal.NotSignedIn);
            return JoinTicketResult.Refused(SignatureRefusal.NotSignedIn);
        }

        if (attemptNumber is < 1 or > JoinAttemptReport.MaxAttemptNumber)
        {
            return JoinTicketResult.Failed("The attempt number is out of range.");
        }

        var name = JoinIdentity.NormalizeDisplayName(displayName);
        if (name is null)
        {
            return JoinTicketResult.Failed($"Your name must be 1 to {JoinIdentity.MaxDisplayNameLength} characters.");
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var meeting = await access.VisibleTo(db.Meetings, user).AsNoTracking().FirstOrDefaultAsync(m => m.Id == session.MeetingId, cancellationToken);
        var decision = SignaturePolicy.Decide(true, meeting is not null, meeting is not null && access.IsHost(meeting.HostEmail, user), session.Role);
        if (!decision.IsAllowed || meeting is null)
        {
            LogRefused(logger, session.JoinId, session.MeetingId, decision.Refusal);
            return JoinTicketResult.Refused(decision.IsAllowed ? SignatureRefusal.MeetingNotVisible : decision.Refusal);
        }

        if (remeasureClock)
        {
            await RemeasureAsync(session, cancellationToken);
        }

        var signature = signer.Sign(meeting.Id, session.Role);
        // What the attendee typed wins: they are only asked after Zoom refused the catalog's copy (3004), e.g. because the
        // host changed the passcode in Zoom since the last refresh.
        var passcode = JoinIdentity.NormalizePasscode(typedPasscode) ?? _passcodes.Unprotect(meeting.ProtectedPasscode) ?? string.Empty;
        string? zak = null;
        if (session.Role == 1)
        {
            zak = await GetZakAsync(session, meeting.HostZoomUserId, cancellationToken);
            if (zak is null)
            {
                return JoinTicketResult.Failed("Zoom didn't give us your host credentials. Try again in a moment.");
            }
        }

        await RecordIssuanceAsync(db, session, attemptNumber, signature, cancellationToken);
        var ticket = new JoinTicket(
            signature.Token,
            meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            name,
            user.Email() ?? string.Empty,
            JoinIdentity.CustomerKey(session.UserId),
            passcode,
            zak,
            session.Role,
            attemptNumber,
            signature.IssuedAt,
            signature.ExpiresAt,
            (long)signature.ClockOffsetUsed.TotalMilliseconds,
            (long)signature.ClockUncertainty.TotalMilliseconds);
        LogIssued(logger, session.JoinId, attemptNumber, ticket);
        return new JoinTicketResult(ticket, SignatureRefusal.None);
    }

    /// <summary>Records a failed attempt and says what the page does next; ends the join when the answer is stop.</summary>
    public async Task<(JoinErrorInfo Error, JoinNextStep Next)> RecordAttemptAsync(
        ClaimsPrincipal user,
        JoinSession session,
        JoinAttemptReport report,
        string? userAgent,
        TimeSpan waitedForHost,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(report);
        var code = report.ErrorCode ?? PortalErrorCodes.SdkTimeout;
        var error = JoinErrorCatalog.Classify(code, report.ErrorMessage);
        var next = JoinRetryPolicy.Decide(error, report.AttemptNumber, waitedForHost, options.Value);
        if (!IsOwner(user, session))
        {
            return (error, JoinNextStep.Stop);
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var attempt = await FindOrAddAttemptAsync(db, session, report.AttemptNumber, cancellationToken);
        Apply(attempt, report, userAgent);
        attempt.Outcome = JoinAttemptOutcome.Failed;
        attempt.ErrorCode = code;
        attempt.ErrorCategory = error.Category;
        if (next.Action == JoinNextAction.Stop)
        {
            await SetJoinOutcomeAsync(db, session, JoinAttemptOutcome.Failed, cancellationToken);
            attempt.JoinOutcome = JoinAttemptOutcome.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogAttemptFailed(logger, session.JoinId, session.SupportCode, report.AttemptNumber, code, error.Category, next.Action);
        return (error, next);
    }

    /// <summary>Records the attempt that got in and ends the join as succeeded.</summary>
    public async Task RecordJoinedAsync(ClaimsPrincipal user, JoinSession session, JoinAttemptReport report, string? userAgent, int timeToJoinMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(report);
        if (!IsOwner(user, session))
        {
            return;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var attempt = await FindOrAddAttemptAsync(db, session, report.AttemptNumber, cancellationToken);
        Apply(attempt, report, userAgent);
        attempt.Outcome = JoinAttemptOutcome.Succeeded;
        attempt.ErrorCode = null;
        attempt.ErrorMessage = null;
        attempt.ErrorCategory = JoinErrorCategory.None;
        attempt.TimeToJoinMs = Math.Clamp(timeToJoinMs, 0, (int)TimeSpan.FromHours(4).TotalMilliseconds);
        await SetJoinOutcomeAsync(db, session, JoinAttemptOutcome.Succeeded, cancellationToken);
        attempt.JoinOutcome = JoinAttemptOutcome.Succeeded;
        await db.SaveChangesAsync(cancellationToken);
        LogJoined(logger, session.JoinId, session.SupportCode, report.AttemptNumber, attempt.TimeToJoinMs.Value);
    }

    /// <summary>
    /// Ends a join that had not succeeded (the user left or the page closed): attempts still in progress become
    /// abandoned, and the join's outcome is written on all its attempts. A join that already ended keeps its outcome.
    /// </summary>
    public async Task CompleteJoinAsync(ClaimsPrincipal user, JoinSession session, JoinAttemptOutcome outcome, CancellationToken cancellationToken)
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

        attempts.ForEach(a => a.JoinOutcome = outcome);
        await db.SaveChangesAsync(cancellationToken);
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

    private async Task<JoinAttempt> FindOrAddAttemptAsync(PortalDbContext db, JoinSession session, int attemptNumber, CancellationToken cancellationToken)
    {
        var attempt = await db.JoinAttempts.FirstOrDefaultAsync(a => a.JoinId == session.JoinId && a.AttemptNumber == attemptNumber, cancellationToken);
        if (attempt is null)
        {
            attempt = new JoinAttempt
            {
                JoinId = session.JoinId,
                SupportCode = session.SupportCode,
                AttemptNumber = attemptNumber,
                StartedAt = time.GetUtcNow().UtcDateTime,
                UserId = session.UserId,
                MeetingId = session.MeetingId,
                Role = session.Role,
                Outcome = JoinAttemptOutcome.InProgress,
            };
            db.JoinAttempts.Add(attempt);
        }

        return attempt;
    }

    private static async Task SetJoinOutcomeAsync(PortalDbContext db, JoinSession session, JoinAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var all = await db.JoinAttempts.Where(a => a.JoinId == session.JoinId).ToListAsync(cancellationToken);
        all.ForEach(a => a.JoinOutcome = outcome);
    }

    private async Task RecordIssuanceAsync(PortalDbContext db, JoinSession session, int attemptNumber, MeetingSignature signature, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.SignatureIssuances.Add(new SignatureIssuanceRecord
        {
            CreatedAt = now,
            UserId = session.UserId,
            MeetingId = session.MeetingId,
            Role = signature.Role,
            IssuedAt = signature.IssuedAt.UtcDateTime,
            ExpiresAt = signature.ExpiresAt.UtcDateTime,
            JoinId = session.JoinId,
        });
        var attempt = await FindOrAddAttemptAsync(db, session, attemptNumber, cancellationToken);
        attempt.StartedAt = now;
        attempt.SignatureIssuedAt = signature.IssuedAt.UtcDateTime;
        attempt.SignatureExpiresAt = signature.ExpiresAt.UtcDateTime;
        attempt.ZoomClockOffsetMs = clock.Current.IsKnown ? (long)signature.ClockOffsetUsed.TotalMilliseconds : null;
        attempt.ZoomClockUncertaintyMs = clock.Current.IsKnown ? (long)signature.ClockUncertainty.TotalMilliseconds : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RemeasureAsync(JoinSession session, CancellationToken cancellationToken)
    {
        try
        {
            var estimate = await clock.RemeasureAsync(cancellationToken);
            LogRemeasured(logger, session.JoinId, estimate.Offset, estimate.Uncertainty);
        }
        catch (Exception ex) when (ex is HttpRequestException or ZoomApiException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Sign on the last estimate: a failed measurement must not stop a join that may still work.
            LogRemeasureFailed(logger, ex, session.JoinId);
        }
    }

    private async Task<string?> GetZakAsync(JoinSession session, string hostZoomUserId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IZoomApi>().GetZakAsync(hostZoomUserId, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or ZoomApiException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogZakFailed(logger, session.JoinId, session.MeetingId, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId} ({SupportCode}) started for meeting {MeetingId} as {Kind} by user {UserId}; refusal: {Refusal}")]
    private static partial void LogJoinStarted(ILogger logger, Guid joinId, string supportCode, long meetingId, JoinKind kind, string userId, SignatureRefusal refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: signature refused for meeting {MeetingId}: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Guid joinId, long meetingId, SignatureRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId}: issued attempt {AttemptNumber}: {Ticket}")]
    private static partial void LogIssued(ILogger logger, Guid joinId, int attemptNumber, JoinTicket ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId} ({SupportCode}): attempt {AttemptNumber} failed with {ErrorCode} ({Category}); next: {Next}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid joinId, string supportCode, int attemptNumber, int errorCode, JoinErrorCategory category, JoinNextAction next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId} ({SupportCode}): in the meeting on attempt {AttemptNumber} after {TimeToJoinMs} ms")]
    private static partial void LogJoined(ILogger logger, Guid joinId, string supportCode, int attemptNumber, int timeToJoinMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId}: re-measured Zoom's clock before signing: offset {Offset} ± {Uncertainty}")]
    private static partial void LogRemeasured(ILogger logger, Guid joinId, TimeSpan offset, TimeSpan uncertainty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: re-measuring Zoom's clock failed; signing on the last estimate")]
    private static partial void LogRemeasureFailed(ILogger logger, Exception exception, Guid joinId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Join {JoinId}: could not get the host's ZAK for meeting {MeetingId} ({ErrorType})")]
    private static partial void LogZakFailed(ILogger logger, Guid joinId, long meetingId, string errorType);
}
