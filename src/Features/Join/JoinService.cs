using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Localisation;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Join;

/// <summary>
/// The server side of joining in the browser: who may join, and a fresh signature (and for a host's start a ZAK) per
/// attempt. Credentials go into the <see cref="JoinTicket"/> only; attempts are recorded by <see cref="JoinAttemptRecorder"/>.
/// </summary>
public sealed partial class JoinService(
    IDbContextFactory<PortalDbContext> dbs,
    MeetingAccess access,
    MeetingSignatureSigner signer,
    IZoomClock clock,
    JoinAttemptRecorder recorder,
    JoinLimits limits,
    IOptions<JoinOptions> options,
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    ILogger<JoinService> logger)
{
    private static readonly SemaphoreSlim[] IssueStripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly MeetingPasscodes _passcodes = new(protection);

    // Problems go to the user's page: the circuit's culture.
    private static StaticText L => StaticText.Instance;

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
        var role = ZoomRole.For(kind);
        var decision = Decide(user, meeting, role);
        var resumed = resumeJoinId is { } resumeId && userId.Length > 0
            ? await db.JoinAttempts.AsNoTracking()
                .Where(a => a.JoinId == resumeId && a.UserId == userId && a.MeetingId == meetingId && a.Role == role.Value && a.JoinOutcome == null)
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
            JoinIdentity.NormalizeDisplayName(user.Identity?.Name) ?? JoinIdentity.NormalizeDisplayName(user.Email()) ?? L["Join.DefaultName"],
            meeting.ProtectedPasscode is not null,
            decision.Refusal);
        LogJoinStarted(logger, session.JoinId, session.SupportCode, meetingId, kind, userId, decision.Refusal);
        return session;
    }

    /// <summary>
    /// Signs a fresh signature for one attempt. The role comes from the session and is checked again here, whatever
    /// the browser asks; the clock is re-measured first after a signature error.
    /// </summary>
    /// <param name="devices">The device check's finding (<see cref="DeviceCheckResult.Summary"/>), kept with the attempt.</param>
    public async Task<JoinTicketResult> IssueSignatureAsync(
        ClaimsPrincipal user,
        JoinSession session,
        int attemptNumber,
        bool remeasureClock,
        string? displayName,
        string? typedPasscode,
        CancellationToken cancellationToken,
        string? devices = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(session);
        // The name first, before anything is looked up: it is the largest thing the browser controls.
        var (name, nameProblem) = JoinIdentity.CheckDisplayName(displayName);
        if (name is null)
        {
            return JoinTicketResult.Failed(nameProblem!);
        }

        var userId = user.UserId();
        var signedIn = user.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(userId) && userId == session.UserId;
        if (!signedIn)
        {
            LogRefused(logger, session.JoinId, session.MeetingId, SignatureRefusal.NotSignedIn);
            return JoinTicketResult.Refused(SignatureRefusal.NotSignedIn);
        }

        if (!limits.TryTakeSignature(session.UserId))
        {
            LogSignatureLimit(logger, session.JoinId, session.UserId);
            return JoinTicketResult.Failed(L["Join.Problem.TooManySignatures"]);
        }

        if (attemptNumber is < 1 or > JoinAttemptReport.MaxAttemptNumber)
        {
            return JoinTicketResult.Failed(L["Join.Problem.AttemptOutOfRange"]);
        }


        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var meeting = await access.VisibleTo(db.Meetings, user).AsNoTracking().FirstOrDefaultAsync(m => m.Id == session.MeetingId, cancellationToken);
        var decision = Decide(user, meeting, session.Role);
        if (!decision.IsAllowed || meeting is null)
        {
            LogRefused(logger, session.JoinId, session.MeetingId, decision.Refusal);
            return JoinTicketResult.Refused(decision.IsAllowed ? SignatureRefusal.MeetingNotVisible : decision.Refusal);
        }

        // One issuance per join at a time, so that concurrent calls cannot all pass the next-attempt check.
        var stripe = IssueStripes[(session.JoinId.GetHashCode() & int.MaxValue) % IssueStripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            // The join's state machine: the next attempt only, within the join's budget, never after its end.
            if (!await recorder.MayIssueAsync(session, attemptNumber, cancellationToken))
            {
                LogAttemptNotIssued(logger, session.JoinId, attemptNumber);
                return JoinTicketResult.Failed(L["Join.Problem.AttemptsUsedUp"]);
            }

            if (remeasureClock)
            {
                await RemeasureAsync(session, cancellationToken);
            }

            // Zoom's earlier answers to this join place the window (SignatureWindowSchedule); the cap holds from attempt 1.
            var history = new SignatureHistory(
                attemptNumber == 1 ? [] : await recorder.RejectionsAsync(session, attemptNumber, cancellationToken),
                LastAttempt: attemptNumber >= options.Value.MaxAttempts,
                options.Value.MaxSignatureWindow);
            var signature = signer.Sign(meeting.Id, session.Role, history);
            // What the attendee typed wins: they are only asked after Zoom refused the catalog's copy (3004), e.g. because the
            // host changed the passcode in Zoom since the last refresh.
            var passcode = JoinIdentity.NormalizePasscode(typedPasscode) ?? _passcodes.Unprotect(meeting.ProtectedPasscode) ?? string.Empty;
            string? zak = null;
            if (session.Role.IsHost)
            {
                zak = limits.CachedZak(session.UserId, meeting.Id);
                if (zak is null)
                {
                    if (!limits.TryTakeZakFetch(session.UserId))
                    {
                        LogZakLimit(logger, session.JoinId, session.UserId);
                        return JoinTicketResult.Failed(L["Join.Problem.TooManyZak"]);
                    }

                    zak = await GetZakAsync(session, meeting.HostZoomUserId, cancellationToken);
                    if (zak is null)
                    {
                        return JoinTicketResult.Failed(L["Join.Problem.NoZak"]);
                    }

                    limits.CacheZak(session.UserId, meeting.Id, zak);
                }
            }

            await recorder.RecordSignedAsync(session, attemptNumber, signature, clock.Current.IsKnown, cancellationToken, devices);
            var ticket = new JoinTicket(
                signature.Token,
                meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                name,
                user.Email() ?? string.Empty,
                JoinIdentity.CustomerKey(session.UserId),
                passcode,
                zak,
                session.Role.Value,
                attemptNumber,
                signature.IssuedAt,
                signature.ExpiresAt,
                (long)signature.ClockOffsetUsed.TotalMilliseconds,
                (long)signature.ClockUncertainty.TotalMilliseconds,
                signature.Window);
            LogIssued(logger, session.JoinId, attemptNumber, ticket);
            return new JoinTicketResult(ticket, SignatureRefusal.None);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>The signature policy for this user and meeting (null: not visible); the host rule is <see cref="MeetingAccess.IsHost"/>.</summary>
    private SignatureDecision Decide(ClaimsPrincipal user, Meeting? meeting, ZoomRole role) =>
        SignaturePolicy.Decide(
            user.Identity?.IsAuthenticated == true && user.UserId() is { Length: > 0 },
            meeting is not null,
            meeting is not null && access.IsHost(meeting.HostEmail, user),
            role);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: no signature for attempt {AttemptNumber}: not the join's next attempt")]
    private static partial void LogAttemptNotIssued(ILogger logger, Guid joinId, int attemptNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: user {UserId} reached Join:SignaturesPerUserPerMinute; no signature")]
    private static partial void LogSignatureLimit(ILogger logger, Guid joinId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: user {UserId} reached Join:ZakFetchesPerUserPerMinute; no ZAK fetched")]
    private static partial void LogZakLimit(ILogger logger, Guid joinId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: signature refused for meeting {MeetingId}: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Guid joinId, long meetingId, SignatureRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId}: issued attempt {AttemptNumber}: {Ticket}")]
    private static partial void LogIssued(ILogger logger, Guid joinId, int attemptNumber, JoinTicket ticket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Join {JoinId}: re-measured Zoom's clock before signing: offset {Offset} ± {Uncertainty}")]
    private static partial void LogRemeasured(ILogger logger, Guid joinId, TimeSpan offset, TimeSpan uncertainty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join {JoinId}: re-measuring Zoom's clock failed; signing on the last estimate")]
    private static partial void LogRemeasureFailed(ILogger logger, Exception exception, Guid joinId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Join {JoinId}: could not get the host's ZAK for meeting {MeetingId} ({ErrorType})")]
    private static partial void LogZakFailed(ILogger logger, Guid joinId, long meetingId, string errorType);
}
