using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Join;

/// <summary>
/// Joins (or, for its host, starts) a meeting in the browser. The circuit holds the <see cref="JoinSession"/>; the
/// module only gets the join id and, per attempt, a ticket. Every [JSInvokable] method treats its input as hostile.
/// </summary>
public sealed partial class JoinMeetingPage : IAsyncDisposable
{
    private const string ModulePath = "./src/Features/Join/JoinMeetingPage.razor.js";

    private readonly JoinForm _form = new();
    private IJSObjectReference? _module;
    private DotNetObjectReference<JoinMeetingPage>? _self;
    private ElementReference _zoomRoot;
    private ClaimsPrincipal _user = new();
    private JoinSession? _session;
    private JoinKind _kind;
    private JoinStep _step = JoinStep.Ready;
    private JoinErrorInfo? _error;
    private BrowserChecks? _checks;
    private string? _problem;
    private string? _userAgent;
    private long? _browserClockOffsetMs;
    private int _seconds;
    private DateTimeOffset? _waitingForHostSince;
    private bool _ended;

    [Inject] private JoinService Join { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<JoinOptions> Options { get; set; } = default!;
    [Inject] private JoinSdkSource Sdk { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    /// <summary>Use the Client View (mobile): set by <see cref="JoinClientPage"/>, which has the whole page to itself.</summary>
    [Parameter]
    public bool ClientView { get; set; }

    /// <summary>The Client View retries by reloading its page: the attempt to make, from the query.</summary>
    [Parameter]
    public int FirstAttempt { get; set; } = 1;

    [Parameter]
    public bool Remeasure { get; set; }

    [Parameter]
    public Guid? ResumeJoinId { get; set; }

    internal JoinStep Step => _step;

    private string MeetingUrl => $"/meetings/{Id}";

    private bool CanStart => _module is not null && _checks?.CanJoin == true && _step is JoinStep.Ready or JoinStep.NeedPasscode or JoinStep.Stopped;

    protected override async Task OnParametersSetAsync()
    {
        _kind = new Uri(Navigation.Uri).AbsolutePath.Contains("/start", StringComparison.Ordinal) ? JoinKind.Start : JoinKind.Join;
        _user = (await AuthenticationState).User;
        _session = await Join.StartJoinAsync(_user, Id, _kind, ResumeJoinId, CancellationToken.None);
        if (_session is null)
        {
            Navigation.NotFound();
            return;
        }

        _step = _session.IsAllowed ? JoinStep.Ready : JoinStep.Refused;
        if (string.IsNullOrEmpty(_form.DisplayName))
        {
            _form.DisplayName = _session.DisplayName;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _session is not { IsAllowed: true })
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        _self = DotNetObjectReference.Create(this);
        _checks = await _module.InvokeAsync<BrowserChecks>("checkBrowser");
        _userAgent = _checks.UserAgent;
        var before = Time.GetUtcNow();
        var browserNow = await _module.InvokeAsync<long>("now");
        var after = Time.GetUtcNow();
        _browserClockOffsetMs = browserNow - (before.ToUnixTimeMilliseconds() + after.ToUnixTimeMilliseconds()) / 2;
        if (!ClientView && UserAgentInfo.Parse(_userAgent).IsMobile)
        {
            // The Component View is desktop-only; the Client View needs a page of its own.
            Navigation.NavigateTo($"/meetings/{Id}/{(_kind == JoinKind.Start ? "start" : "join")}/client", forceLoad: true);
            return;
        }

        if (!_checks.CanJoin)
        {
            _error = JoinErrorCatalog.Classify(PortalErrorCodes.BrowserUnsupported, null);
        }

        await _module.InvokeVoidAsync("preload", JoinSdkSource.LoaderUrl, Sdk.Config);
        StateHasChanged();
        if (ClientView && FirstAttempt > 1 && _checks.CanJoin)
        {
            await StartAsync();
        }
    }

    private async Task StartAsync()
    {
        if (_module is null || _self is null || _session is null || !CanStart)
        {
            return;
        }

        var resumingPasscode = _step == JoinStep.NeedPasscode && _running;
        _error = null;
        _problem = null;
        _step = JoinStep.LoadingZoom;
        if (resumingPasscode)
        {
            await _module.InvokeVoidAsync("resume");
            return;
        }

        _running = true;
        _joinStarted = true;
        var options = Options.Value;
        await _module.InvokeVoidAsync("join", _zoomRoot, _self, new
        {
            joinId = _session.JoinId.ToString(),
            view = ClientView ? "Client" : "Component",
            loaderUrl = JoinSdkSource.LoaderUrl,
            sdkConfig = Sdk.Config,
            sdkVersion = Sdk.SdkVersion,
            loadTimeoutMs = (long)options.LoadTimeout.TotalMilliseconds,
            initTimeoutMs = (long)options.InitTimeout.TotalMilliseconds,
            joinTimeoutMs = (long)options.JoinTimeout.TotalMilliseconds,
            leaveUrl = Navigation.ToAbsoluteUri(MeetingUrl).ToString(),
            retryUrl = $"/meetings/{Id}/{(_kind == JoinKind.Start ? "start" : "join")}/client?join={_session.JoinId}",
            firstAttempt = Math.Clamp(FirstAttempt, 1, JoinAttemptReport.MaxAttemptNumber),
            remeasure = Remeasure,
        });
    }

    private bool _running;
    private bool _joinStarted;

    private bool IsThisJoin(string? joinId) =>
        _session is not null && Guid.TryParse(joinId, out var id) && id == _session.JoinId;

    [JSInvokable]
    public async Task<JoinTicket?> GetSignatureAsync(string joinId, int attemptNumber, bool remeasureClock)
    {
        if (!IsThisJoin(joinId) || attemptNumber is < 1 or > JoinAttemptReport.MaxAttemptNumber)
        {
            return null;
        }

        try
        {
            var result = await Join.IssueSignatureAsync(_user, _session!, attemptNumber, remeasureClock, _form.DisplayName, _form.Passcode, CancellationToken.None);
            if (result.Ticket is null)
            {
                _problem = result.Problem;
                _error = result.Problem is null ? JoinErrorCatalog.Classify(PortalErrorCodes.SignatureRefused, null) : null;
                _step = JoinStep.Stopped;
                _running = false;
                await InvokeAsync(StateHasChanged);
            }

            return result.Ticket;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await StopWithProblemAsync("We couldn't prepare the join request. Try again in a moment.");
        }
    }

    [JSInvokable]
    public async Task<JoinNextStepMessage> ReportAttemptAsync(string joinId, int attemptNumber, int errorCode, string? errorMessage, string? sdkVersion, string? sdkView)
    {
        var report = JoinAttemptReport.TryCreate(attemptNumber, errorCode, errorMessage, sdkVersion, sdkView, _browserClockOffsetMs);
        if (!IsThisJoin(joinId) || report is null)
        {
            return JoinNextStepMessage.From(JoinNextStep.Stop);
        }

        try
        {
            var waited = _waitingForHostSince is { } since ? Time.GetUtcNow() - since : TimeSpan.Zero;
            var (error, next) = await Join.RecordAttemptAsync(_user, _session!, report, _userAgent, waited, CancellationToken.None);
            _error = error;
            _step = next.Action switch
            {
                JoinNextAction.Retry => JoinStep.Retrying,
                JoinNextAction.WaitForHost => JoinStep.WaitingForHost,
                JoinNextAction.AskPasscode => JoinStep.NeedPasscode,
                _ => JoinStep.Stopped,
            };
            if (next.Action == JoinNextAction.WaitForHost)
            {
                _waitingForHostSince ??= Time.GetUtcNow();
            }

            _seconds = (int)Math.Ceiling(next.Delay.TotalSeconds);
            _running = next.Action != JoinNextAction.Stop;
            await InvokeAsync(StateHasChanged);
            return JoinNextStepMessage.From(next);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await StopWithProblemAsync("We couldn't record what happened. Try again in a moment.");
            return JoinNextStepMessage.From(JoinNextStep.Stop);
        }
    }

    [JSInvokable]
    public async Task ReportJoinedAsync(string joinId, int attemptNumber, string? sdkVersion, string? sdkView, int timeToJoinMs, int clickToJoinCallMs)
    {
        var report = JoinAttemptReport.TryCreate(attemptNumber, null, null, sdkVersion, sdkView, _browserClockOffsetMs);
        if (!IsThisJoin(joinId) || report is null || timeToJoinMs < 0 || clickToJoinCallMs < 0)
        {
            return;
        }

        _step = JoinStep.InMeeting;
        _error = null;
        _running = false;
        await InvokeAsync(StateHasChanged);
        await Join.RecordJoinedAsync(_user, _session!, report, _userAgent, timeToJoinMs, CancellationToken.None);
    }

    [JSInvokable]
    public Task ReportLeftAsync(string joinId)
    {
        if (IsThisJoin(joinId))
        {
            Navigation.NavigateTo(MeetingUrl);
        }

        return Task.CompletedTask;
    }

    [JSInvokable]
    public void ReportProgress(string joinId, string step, int seconds)
    {
        if (!IsThisJoin(joinId) || !JoinSteps.TryParseReported(step, out var parsed) || seconds is < 0 or > 86_400 || _step is JoinStep.Stopped or JoinStep.InMeeting)
        {
            return;
        }

        _step = parsed;
        _seconds = seconds;
        _ = InvokeAsync(StateHasChanged);
    }

    private async Task<JoinTicket?> StopWithProblemAsync(string problem)
    {
        _problem = problem;
        _step = JoinStep.Stopped;
        _running = false;
        await InvokeAsync(StateHasChanged);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        // Only a page that joined ends the join: the prerendered copy of a reloaded Client View page would otherwise end
        // the join it is about to resume. A Client View retry reloads the page to continue this join, so that is no end either.
        var reloadingToRetry = ClientView && _step is JoinStep.Retrying or JoinStep.WaitingForHost;
        if (_session is { IsAllowed: true } session && _joinStarted && !_ended && _step != JoinStep.InMeeting && !reloadingToRetry)
        {
            _ended = true;
            try
            {
                await Join.CompleteJoinAsync(_user, session, JoinAttemptOutcome.Abandoned, CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // The app is shutting down: nothing left to record into.
            }
        }

        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and with it the page and the SDK client.
        }

        _self?.Dispose();
    }
}
