using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Join;

/// <summary>
/// One join as a state machine, without Blazor: the page feeds it what happened (a click, a ticket, the server's answer
/// to an attempt report, the module's progress) and renders <see cref="Step"/>, <see cref="Seconds"/>,
/// <see cref="Error"/> and <see cref="Problem"/>. The server decides what follows a failure (<see cref="JoinRetryPolicy"/>);
/// this class only keeps the page's side of it consistent.
/// </summary>
public sealed class JoinFlow
{
    private readonly bool _clientView;
    private DateTimeOffset? _waitingForHostSince;
    private bool _ended;
    private bool _passcodeTyped;

    /// <param name="allowed">The user may join (<see cref="JoinSession.IsAllowed"/>); otherwise the flow stays refused.</param>
    /// <param name="clientView">The mobile Client View, whose retries reload the page.</param>
    /// <param name="firstAttempt">The attempt the page makes first (a reloaded Client View page continues the join).</param>
    public JoinFlow(bool allowed, bool clientView, int firstAttempt)
    {
        _clientView = clientView;
        FirstAttempt = Math.Clamp(firstAttempt, 1, JoinAttemptReport.MaxAttemptNumber);
        Step = allowed ? JoinStep.Ready : JoinStep.Refused;
    }

    public JoinStep Step { get; private set; }

    /// <summary>The countdown shown before the next attempt (retry, waiting for the host).</summary>
    public int Seconds { get; private set; }

    /// <summary>The classified error the page explains; null when there is none.</summary>
    public JoinErrorInfo? Error { get; private set; }

    /// <summary>A problem on the portal's side (no ticket, nothing recorded), in words for the user.</summary>
    public string? Problem { get; private set; }

    public int FirstAttempt { get; }

    /// <summary>Where the latest signature's window lay; the page says so when it was widened.</summary>
    public SignatureWindowKind Window { get; private set; } = SignatureWindowKind.Measured;

    /// <summary>The user cancelled this join: the module's further calls get nothing (no signature, a stop).</summary>
    public bool IsCancelled => Step == JoinStep.Cancelled;

    /// <summary>The module runs this join (from the click until it stops or is in the meeting).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The user clicked Join at least once on this page.</summary>
    public bool HasStarted { get; private set; }

    /// <summary>When the meeting ended (<see cref="JoinStep.Ended"/>).</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When joining opens (<see cref="JoinStep.NotYetOpen"/>), by the server's clock.</summary>
    public DateTimeOffset? OpensAt { get; private set; }

    /// <summary>Joining opened while the page was open: the page announces it.</summary>
    public bool OpenedWhileWaiting { get; private set; }

    /// <summary>
    /// The page stops here and offers the form: before the first click, after asking for the passcode, after stopping,
    /// and (with Join disabled) until joining opens.
    /// </summary>
    public bool ShowsForm => Step is JoinStep.Ready or JoinStep.NeedPasscode or JoinStep.Stopped or JoinStep.NotYetOpen;

    /// <summary>
    /// A join is under way and not in the meeting yet (loading, signing, joining, a wait for the host, a retry's
    /// countdown): the user may cancel it. Every pending step, not only the waits: a wait's re-check starts a new attempt
    /// every few seconds, and a click that lands just then must still count.
    /// </summary>
    public bool CanCancel => IsRunning && JoinSteps.Pending.Contains(Step);

    /// <summary>What the passcode field says (null: no passcode asked): Zoom refused the catalog's passcode, or the one typed.</summary>
    public string? PasscodePrompt => Step != JoinStep.NeedPasscode
        ? null
        : _passcodeTyped
            ? L["Join.PasscodeWrong"]
            : L["Join.PasscodeNeeded"];

    private static StaticText L => StaticText.Instance;

    /// <summary>A reloaded Client View page continues its join without a second click.</summary>
    public bool StartsByItself => _clientView && FirstAttempt > 1;

    /// <summary>The desktop page sends a phone to the Client View page, which has the whole page to itself.</summary>
    public bool NeedsClientViewPage(UserAgentInfo agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return !_clientView && agent.IsMobile;
    }

    public bool CanStart(bool moduleReady, BrowserChecks? checks) => moduleReady && checks?.CanJoin == true && ShowsForm && Step != JoinStep.NotYetOpen;

    /// <summary>Places the join in the meeting's time, once, before anything runs: ended, not open yet, or open.</summary>
    public void Schedule(JoinWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (Step != JoinStep.Ready)
        {
            return;
        }

        if (window.EndedAt is { } endedAt)
        {
            Step = JoinStep.Ended;
            EndedAt = endedAt;
        }
        else if (window.OpensAt is { } opensAt && opensAt > now)
        {
            Step = JoinStep.NotYetOpen;
            OpensAt = opensAt;
        }
    }

    /// <summary>The server's clock moved on: true when joining opened just now (the page enables Join and says so).</summary>
    public bool Tick(DateTimeOffset now)
    {
        if (Step != JoinStep.NotYetOpen || OpensAt > now)
        {
            return false;
        }

        Step = JoinStep.Ready;
        OpenedWhileWaiting = true;
        return true;
    }

    /// <summary>
    /// The user cancelled a pending join (<see cref="CanCancel"/>): true when that ends the join (the page stops the
    /// module and records the join as abandoned); nothing from the module counts afterwards.
    /// </summary>
    public bool Cancel()
    {
        if (!CanCancel)
        {
            return false;
        }

        Step = JoinStep.Cancelled;
        IsRunning = false;
        _ended = true;
        return true;
    }

    /// <summary>The browser cannot run the SDK: explain before anyone clicks.</summary>
    public void BrowserUnsupported() => Error = JoinErrorCatalog.Classify(PortalErrorCodes.BrowserUnsupported, null);

    /// <summary>The user clicked Join (or Try again, or gave the passcode).</summary>
    /// <param name="passcodeTyped">The user typed a passcode, which this attempt uses instead of the catalog's.</param>
    /// <returns>What the page asks the module to do.</returns>
    public JoinStart Start(bool passcodeTyped = false)
    {
        _passcodeTyped = passcodeTyped;
        var resume = Step == JoinStep.NeedPasscode && IsRunning;
        Error = null;
        Problem = null;
        Step = JoinStep.LoadingZoom;
        IsRunning = true;
        HasStarted = true;
        return resume ? JoinStart.ResumeWithPasscode : JoinStart.NewJoin;
    }

    /// <summary>The server's answer to the module's request for a signature.</summary>
    public void SignatureIssued(JoinTicketResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Step == JoinStep.Cancelled)
        {
            return;
        }

        if (result.Ticket is not null)
        {
            Window = result.Ticket.Window;
            return;
        }

        Problem = result.Problem;
        Error = result.Problem is null ? JoinErrorCatalog.Classify(PortalErrorCodes.SignatureRefused, null) : null;
        Stop();
    }

    /// <summary>Something failed on the portal's side; the page says <paramref name="problem"/> and offers Try again.</summary>
    public void Failed(string problem)
    {
        if (Step == JoinStep.Cancelled)
        {
            return;
        }

        Problem = problem;
        Stop();
    }

    /// <summary>How long this join has waited for the host so far, for the retry policy.</summary>
    public TimeSpan WaitedForHost(DateTimeOffset now) => _waitingForHostSince is { } since ? now - since : TimeSpan.Zero;

    /// <summary>The server recorded an attempt the module reported and decided what follows.</summary>
    public void AttemptRecorded(JoinReportOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Step == JoinStep.Cancelled)
        {
            return;
        }

        Error = outcome.Error;
        Step = outcome.Next.Action switch
        {
            JoinNextAction.InMeeting => JoinStep.InMeeting,
            JoinNextAction.Retry => JoinStep.Retrying,
            JoinNextAction.WaitForHost => JoinStep.WaitingForHost,
            JoinNextAction.AskPasscode => JoinStep.NeedPasscode,
            _ => JoinStep.Stopped,
        };
        if (outcome.Next.Action == JoinNextAction.WaitForHost)
        {
            _waitingForHostSince ??= now;
        }

        Seconds = (int)Math.Ceiling(outcome.Next.Delay.TotalSeconds);
        IsRunning = outcome.Next.Action is not (JoinNextAction.Stop or JoinNextAction.InMeeting);
    }

    /// <summary>The module's progress (a step it may report, a countdown); false when ignored.</summary>
    public bool Progressed(JoinStep step, int seconds)
    {
        if (!JoinSteps.Reportable.Contains(step) || seconds is < 0 or > 86_400 || Step is JoinStep.Stopped or JoinStep.InMeeting or JoinStep.Refused or JoinStep.Cancelled)
        {
            return false;
        }

        Step = step;
        Seconds = seconds;
        return true;
    }

    /// <summary>
    /// The page goes away: true when that ends the join as abandoned. Only a page that started a join ends it (the
    /// prerendered copy of a reloaded Client View page must not end the join it is about to resume), and a Client View
    /// retry reloads the page to continue this join, so that is no end either.
    /// </summary>
    public bool EndsOnLeaving()
    {
        var reloadingToRetry = _clientView && Step is JoinStep.Retrying or JoinStep.WaitingForHost;
        if (!HasStarted || _ended || Step is JoinStep.InMeeting or JoinStep.Refused || reloadingToRetry)
        {
            return false;
        }

        _ended = true;
        return true;
    }

    private void Stop()
    {
        Step = JoinStep.Stopped;
        IsRunning = false;
    }
}

/// <summary>What a click asks of the module: a new join, or the waiting one continued with the typed passcode.</summary>
public enum JoinStart
{
    NewJoin,
    ResumeWithPasscode,
}
