using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Auth.Sessions;

/// <summary>
/// A circuit's sign-in state, checked against the server's session record every
/// <c>Authentication:Session:RevalidationInterval</c>, and at once when this instance ends the session from elsewhere
/// ("sign out everywhere", an administrator). When the
/// session has ended, the circuit's user becomes anonymous: the router's <c>RedirectToLogin</c> then reloads the page
/// to the sign-in, which ends the circuit, and every service that reads the user (signatures, hub access) refuses.
/// </summary>
internal sealed partial class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly PortalSessionStore _sessions;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private string? _sessionId;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, PortalSessionStore sessions, IOptions<SessionOptions> options)
        : base(loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger<SessionAuthenticationStateProvider>();
        _sessions = sessions;
        _interval = options.Value.RevalidationInterval;
        _sessions.SessionsEnded += OnSessionsEnded;
        AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    protected override TimeSpan RevalidationInterval => _interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        try
        {
            return await _sessions.IsActiveAsync(user.FindFirst(PortalClaimTypes.SessionId)?.Value, cancellationToken);
        }
        catch (Exception e) when (IsDatabaseUnavailable(e))
        {
            // The base class would sign the circuit's user out on any exception, so a database that is busy or restarting
            // for a moment would send every open page to the sign-in. The session cannot have been ended meanwhile
            // (ending it writes to the same database; this instance's own ends arrive through SessionsEnded at once), so
            // the user stays until the next check, which asks again.
            LogRevalidationDeferred(_logger, e.GetType().Name);
            return true;
        }
    }

    private static bool IsDatabaseUnavailable(Exception e) =>
        e is DbException or TimeoutException || (e is InvalidOperationException && e.InnerException is DbException or TimeoutException);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session check deferred to the next revalidation: the database did not answer ({Error})")]
    private static partial void LogRevalidationDeferred(ILogger logger, string error);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sessions.SessionsEnded -= OnSessionsEnded;
            AuthenticationStateChanged -= OnAuthenticationStateChanged;
        }

        base.Dispose(disposing);
    }

    // The host sets each circuit's first state through SetAuthenticationState, which raises this event too.
    private void OnAuthenticationStateChanged(Task<AuthenticationState> state) =>
        _sessionId = state.IsCompletedSuccessfully ? state.Result.User.FindFirst(PortalClaimTypes.SessionId)?.Value : null;

    private void OnSessionsEnded(IReadOnlyCollection<string> ended, PortalSessionEnd reason)
    {
        // A plain sign-out comes from this session's own browser, which is leaving the page through the sign-out form:
        // redirecting its circuit too would race that navigation (and, with single sign-on, sign it straight back in).
        // Its other tabs learn at the next revalidation; the cookie is already gone there.
        var current = _sessionId;
        if (reason != PortalSessionEnd.SignedOut && current is not null && ended.Contains(current))
        {
            _sessionId = null;
            SetAuthenticationState(Anonymous);
        }
    }
}
