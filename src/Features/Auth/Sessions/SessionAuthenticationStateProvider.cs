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
internal sealed class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly PortalSessionStore _sessions;
    private readonly TimeSpan _interval;
    private string? _sessionId;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, PortalSessionStore sessions, IOptions<SessionOptions> options)
        : base(loggerFactory)
    {
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

        return await _sessions.IsActiveAsync(user.FindFirst(PortalClaimTypes.SessionId)?.Value, cancellationToken);
    }

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
