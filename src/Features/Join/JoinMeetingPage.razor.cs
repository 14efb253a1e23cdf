using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Features.Join;

/// <summary>
/// Joins (or, for its host, starts) a meeting in the browser. The circuit holds the <see cref="JoinSession"/> and the
/// <see cref="JoinFlow"/> this page renders; the module only gets the join id and, per attempt, a ticket. Every
/// [JSInvokable] method treats its input as hostile.
/// </summary>
public sealed partial class JoinMeetingPage : IAsyncDisposable
{
    private const string ModulePath = "./src/Features/Join/JoinMeetingPage.razor.js";

    private readonly JoinForm _form = new();
    private IJSObjectReference? _module;
    private IJSObjectReference? _join;
    private DotNetObjectReference<JoinMeetingPage>? _self;
    private ElementReference _zoomRoot;
    private ClaimsPrincipal _user = new();
    private JoinSession? _session;
    private JoinFlow? _flow;
    private BrowserChecks? _checks;
    private string? _userAgent;
    private long? _browserClockOffsetMs;
    private ViewerTimeZone _viewer = ViewerTimeZone.Utc;
    private ITimer? _opening;
    private DeviceCheckResult? _devices;
    private bool _loaded;
    private bool _prepared;

    [Inject] private JoinService Join { get; set; } = default!;
    [Inject] private JoinAttemptRecorder Recorder { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<JoinOptions> Options { get; set; } = default!;
    [Inject] private ZoomSdkAssets Sdk { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private MeetingCatalog Catalog { get; set; } = default!;
    [Inject] private MeetingSchedule Schedule { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    /// <summary>Join as a participant, or start as the meeting's host (set by <see cref="StartMeetingPage"/>).</summary>
    [Parameter]
    public JoinKind Kind { get; set; }

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

    internal JoinStep Step => _flow?.Step ?? JoinStep.Ready;

    private string Verb => Kind == JoinKind.Start ? L["Join.Start"] : L["Join.Join"];

    private bool CanStart => _flow?.CanStart(_module is not null, _checks) == true;

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        _session = await Join.StartJoinAsync(_user, Id, Kind, ResumeJoinId, CancellationToken.None);
        if (_session is null)
        {
            Navigation.NotFound();
            return;
        }

        _flow = new JoinFlow(_session.IsAllowed, ClientView, FirstAttempt);
        if (string.IsNullOrEmpty(_form.DisplayName))
        {
            _form.DisplayName = _session.DisplayName;
        }

        // The same rule as the meetings pages, by the server's clock: an ended meeting offers no Join, and an early
        // attendee gets Join when joining opens.
        var meeting = await Catalog.FindVisibleAsync(Id, _user, CancellationToken.None);
        var now = Time.GetUtcNow();
        _flow.Schedule(JoinWindow.For(meeting is null ? null : Schedule.Current(meeting, now), Kind), now);
        _loaded = true;
        if (RendererInfo.IsInteractive)
        {
            ArmOpening();
        }
    }

    // Fires at the opening instant by the server's clock; a timer that fires early re-arms for the rest.
    private void ArmOpening()
    {
        _opening?.Dispose();
        _opening = null;
        if (_flow is { Step: JoinStep.NotYetOpen, OpensAt: { } opensAt })
        {
            var due = opensAt - Time.GetUtcNow();
            _opening = Time.CreateTimer(_ => _ = InvokeAsync(OpenIfDue), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void OpenIfDue()
    {
        if (_flow is null)
        {
            return;
        }

        if (_flow.Tick(Time.GetUtcNow()))
        {
            StateHasChanged();
        }
        else
        {
            ArmOpening();
        }
    }

    private async Task CancelAsync()
    {
        if (_session is null || _flow?.Cancel() != true)
        {
            return;
        }

        StateHasChanged();
        try
        {
            await EndModuleJoinAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away; the SDK went with it.
        }

        await Recorder.AbandonAsync(_user, _session, CancellationToken.None);
        // The meeting page renders statically: a fresh page load, as after leaving a meeting.
        Navigation.NavigateTo(JoinRoutes.Meeting(Id), forceLoad: true);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Not `firstRender`: with a networked database the first render happens while OnParametersSetAsync still waits
        // for the join's session, and its after-render call can come first; the page then never prepared and said
        // "Checking your browser…" for good (seen on a cold instance with PostgreSQL). Prepare once, after the render
        // that knows the join.
        if (_prepared || !_loaded || _session is not { IsAllowed: true } || _flow is null or { Step: JoinStep.Ended })
        {
            return;
        }

        _prepared = true;

        _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        _self = DotNetObjectReference.Create(this);
        _checks = await _module.InvokeAsync<BrowserChecks>("checkBrowser");
        _userAgent = _checks.UserAgent;
        var before = Time.GetUtcNow();
        var browserNow = await _module.InvokeAsync<long>("now");
        var after = Time.GetUtcNow();
        _browserClockOffsetMs = browserNow - (before.ToUnixTimeMilliseconds() + after.ToUnixTimeMilliseconds()) / 2;
        if (_flow.NeedsClientViewPage(UserAgentInfo.Parse(_userAgent)))
        {
            Navigation.NavigateTo(JoinRoutes.ClientPage(Id, Kind), forceLoad: true);
            return;
        }

        if (!_checks.CanJoin)
        {
            _flow.BrowserUnsupported();
        }

        await _module.InvokeVoidAsync("preload", ZoomSdkAssets.LoaderUrl, Sdk.ClientConfig);
        StateHasChanged();
        if (_flow.StartsByItself && _checks.CanJoin)
        {
            await StartAsync();
        }
    }

    private async Task StartAsync()
    {
        if (_module is null || _self is null || _session is null || _flow is null || !CanStart)
        {
            return;
        }

        if (_flow.Start(passcodeTyped: JoinIdentity.NormalizePasscode(_form.Passcode) is not null) == JoinStart.ResumeWithPasscode && _join is not null)
        {
            await _join.InvokeVoidAsync("resume");
            return;
        }

        await EndModuleJoinAsync();
        var options = Options.Value;
        _join = await _module.InvokeAsync<IJSObjectReference>("join", _zoomRoot, _self, new JoinModuleOptions(
            _session.JoinId.ToString(),
            ClientView ? JoinModuleOptions.ClientView : JoinModuleOptions.ComponentView,
            ZoomSdkAssets.LoaderUrl,
            Sdk.ClientConfig,
            Sdk.Version,
            (long)options.LoadTimeout.TotalMilliseconds,
            (long)options.InitTimeout.TotalMilliseconds,
            (long)options.JoinTimeout.TotalMilliseconds,
            Navigation.ToAbsoluteUri(JoinRoutes.Meeting(Id)).ToString(),
            JoinRoutes.ClientRetry(Id, Kind, _session.JoinId),
            _flow.FirstAttempt,
            Remeasure,
            ZoomPortal.Features.Localisation.PortalCultures.ZoomLanguage(System.Globalization.CultureInfo.CurrentUICulture)));
    }

    private bool IsThisJoin(string? joinId) =>
        _session is not null && _flow is not null && Guid.TryParse(joinId, out var id) && id == _session.JoinId;

    [JSInvokable]
    public async Task<JoinTicket?> GetSignatureAsync(string joinId, int attemptNumber, bool remeasureClock)
    {
        if (!IsThisJoin(joinId) || _flow!.IsCancelled || attemptNumber is < 1 or > JoinAttemptReport.MaxAttemptNumber)
        {
            return null;
        }

        try
        {
            var result = await Join.IssueSignatureAsync(_user, _session!, attemptNumber, remeasureClock, _form.DisplayName, _form.Passcode, CancellationToken.None,
                _devices?.Summary());
            _flow!.SignatureIssued(result);
            await InvokeAsync(StateHasChanged);

            return result.Ticket;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailAsync(L["Join.PrepareFailed"]);
            return null;
        }
    }

    /// <summary>
    /// The module's report about one attempt: a failure (an error code) or a success (no code, the time to join).
    /// The answer says what the module does next.
    /// </summary>
    [JSInvokable]
    public async Task<JoinNextStepMessage> ReportAttemptAsync(string joinId, int attemptNumber, int? errorCode, string? errorMessage, string? sdkVersion, string? sdkView, long? timeToJoinMs)
    {
        var report = JoinAttemptReport.TryCreate(attemptNumber, errorCode, errorMessage, sdkVersion, sdkView, _browserClockOffsetMs, timeToJoinMs);
        if (!IsThisJoin(joinId) || report is null || _flow!.IsCancelled)
        {
            return JoinNextStepMessage.From(JoinNextStep.Stop);
        }

        try
        {
            var now = Time.GetUtcNow();
            var outcome = await Recorder.RecordReportAsync(_user, _session!, report, _userAgent, _flow!.WaitedForHost(now), CancellationToken.None);
            _flow.AttemptRecorded(outcome, now);
            await InvokeAsync(StateHasChanged);
            return JoinNextStepMessage.From(outcome.Next);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailAsync(L["Join.RecordFailed"]);
            return JoinNextStepMessage.From(JoinNextStep.Stop);
        }
    }

    [JSInvokable]
    public Task ReportLeftAsync(string joinId)
    {
        if (IsThisJoin(joinId))
        {
            // A fresh page: the meeting page renders statically (no circuit), and the SDK's globals, workers and media
            // go with the old page.
            Navigation.NavigateTo(JoinRoutes.Meeting(Id), forceLoad: true);
        }

        return Task.CompletedTask;
    }

    [JSInvokable]
    public void ReportProgress(string joinId, string step, int seconds)
    {
        if (IsThisJoin(joinId) && JoinSteps.TryParseReported(step, out var parsed) && _flow!.Progressed(parsed, seconds))
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private async Task FailAsync(string problem)
    {
        _flow?.Failed(problem);
        await InvokeAsync(StateHasChanged);
    }

    private async Task EndModuleJoinAsync()
    {
        if (_join is null)
        {
            return;
        }

        var join = _join;
        _join = null;
        await join.InvokeVoidAsync("dispose");
        await join.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _opening?.Dispose();
        if (_session is { IsAllowed: true } session && _flow?.EndsOnLeaving() == true)
        {
            try
            {
                await Recorder.AbandonAsync(_user, session, CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // The app is shutting down: nothing left to record into.
            }
        }

        try
        {
            await EndModuleJoinAsync();
            if (_module is not null)
            {
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
