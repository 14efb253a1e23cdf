using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ZoomPortal.E2E.Infrastructure.Oidc;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a free loopback port inside the test process: authorization code
/// with PKCE, one confidential client, an end-session endpoint, ephemeral keys. Its authorize endpoint signs in a
/// test user at once (no login page): <see cref="DefaultUser"/>, or the user a browser context chose with
/// <see cref="SignInAsAsync"/>. OpenIddict runs in degraded mode (no database), so the client, its secret and its
/// redirect URIs are checked by the handlers below.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "zoomportal-e2e";
    public const string RolesClaim = "roles";

    /// <summary>Cookie (on the provider's host) that names the <see cref="TestUser.Subject"/> to sign in.</summary>
    public const string UserCookieName = "e2e-oidc-user";

    private const string AuthorizePath = "/connect/authorize";
    private const string TokenPath = "/connect/token";
    private const string EndSessionPath = "/connect/endsession";
    private const string UserInfoPath = "/connect/userinfo";

    private readonly ConcurrentDictionary<string, TestUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _portals = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private Uri? _authority;
    private int _authorizations;
    private int _endSessions;
    private int _userInfos;

    private TestIdentityProvider()
    {
    }

    /// <summary>A fresh secret per provider, so no test relies on a known value.</summary>
    public string ClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public Uri Authority => _authority ?? throw new InvalidOperationException("The provider has not started.");

    /// <summary>Signed in when the browser names no user of its own.</summary>
    public TestUser DefaultUser { get; set; } = TestUser.Host;

    /// <summary>
    /// When set (e.g. <c>groups</c>), the user's roles leave the tokens and come only from the userinfo endpoint under this
    /// name: a single string for one role, an array for several, as providers do.
    /// </summary>
    public string? UserInfoOnlyRolesClaim { get; init; }

    /// <summary>How many userinfo requests the provider answered.</summary>
    public int UserInfoCount => Volatile.Read(ref _userInfos);

    /// <summary>How many authorization requests reached the provider and signed someone in.</summary>
    public int AuthorizationCount => Volatile.Read(ref _authorizations);

    /// <summary>How many sign-outs reached the end-session endpoint.</summary>
    public int EndSessionCount => Volatile.Read(ref _endSessions);

    public static async Task<TestIdentityProvider> StartAsync(string? userInfoOnlyRolesClaim = null, CancellationToken cancellationToken = default)
    {
        var provider = new TestIdentityProvider { UserInfoOnlyRolesClaim = userInfoOnlyRolesClaim };
        await provider.RunAsync(cancellationToken);
        return provider;
    }

    /// <summary>The portal settings that point it at this provider as its confidential client.</summary>
    public IReadOnlyDictionary<string, string?> PortalSettings() => new Dictionary<string, string?>
    {
        ["Authentication:Oidc:Authority"] = Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:GetClaimsFromUserInfoEndpoint"] = "false",
    };

    /// <summary>
    /// Accepts the portal at <paramref name="portalBaseUrl"/> as the client's home: <c>/signin-oidc</c> as redirect URI
    /// and <c>/signout-callback-oidc</c> as post-logout redirect URI. Known only once the portal has started.
    /// </summary>
    public void AllowPortal(Uri portalBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(portalBaseUrl);
        _portals[portalBaseUrl.GetLeftPart(UriPartial.Authority)] = portalBaseUrl;
    }

    /// <summary>Makes this browser context sign in as <paramref name="user"/> whenever it visits the provider.</summary>
    public async Task SignInAsAsync(IBrowserContext context, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        _users[user.Subject] = user;
        await context.AddCookiesAsync(
        [
            new Microsoft.Playwright.Cookie { Name = UserCookieName, Value = user.Subject, Url = Authority.GetLeftPart(UriPartial.Authority) },
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris(AuthorizePath)
                .SetTokenEndpointUris(TokenPath)
                .SetEndSessionEndpointUris(EndSessionPath)
                .SetUserInfoEndpointUris(UserInfoPath);
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();

            // No database: codes are self-contained, and the checks the stores would make are the handlers below.
            options.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                ValidateAuthorizationRequest(context);
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                ValidateTokenRequest(context);
                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                ValidateEndSessionRequest(context);
                return default;
            }));

            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                // Plain http on loopback only; the portal sets RequireHttpsMetadata=false to match.
                .DisableTransportSecurityRequirement();
        });

        var app = builder.Build();
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Authorize);
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSession);
        app.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync);
        await app.StartAsync(cancellationToken);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The identity provider's Kestrel reported no address.");
        _authority = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
    }

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request could not be read.");
        var user = http.Request.Cookies.TryGetValue(UserCookieName, out var subject) && subject is not null &&
            _users.TryGetValue(subject, out var chosen)
                ? chosen
                : DefaultUser;

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, RolesClaim);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(RolesClaim, UserInfoOnlyRolesClaim is null ? [.. user.Roles] : []);
        identity.SetScopes(request.GetScopes());
        // The portal reads name, e-mail and roles from the id_token; with UserInfoOnlyRolesClaim the roles come from userinfo.
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);

        Interlocked.Increment(ref _authorizations);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        if (subject is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var user = _users.TryGetValue(subject, out var chosen) ? chosen : DefaultUser;
        var answer = new Dictionary<string, object> { [Claims.Subject] = subject };
        if (UserInfoOnlyRolesClaim is not null && user.Roles.Count > 0)
        {
            answer[UserInfoOnlyRolesClaim] = user.Roles.Count == 1 ? user.Roles[0] : user.Roles.ToArray();
        }

        Interlocked.Increment(ref _userInfos);
        return Results.Json(answer);
    }

    private IResult EndSession()
    {
        Interlocked.Increment(ref _endSessions);
        // OpenIddict redirects to the validated post_logout_redirect_uri (with the client's state) when there is one.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private void ValidateAuthorizationRequest(ValidateAuthorizationRequestContext context)
    {
        if (!string.Equals(context.ClientId, ClientId, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidClient, $"The test provider knows only the client '{ClientId}'.");
        }
        else if (!IsPortalUri(context.RedirectUri, "signin-oidc"))
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not a registered portal's /signin-oidc.");
        }
    }

    private void ValidateTokenRequest(ValidateTokenRequestContext context)
    {
        if (!string.Equals(context.ClientId, ClientId, StringComparison.Ordinal) ||
            context.ClientSecret is null ||
            !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(context.ClientSecret), System.Text.Encoding.UTF8.GetBytes(ClientSecret)))
        {
            context.Reject(Errors.InvalidClient, "The client credentials are not valid.");
        }
    }

    private void ValidateEndSessionRequest(ValidateEndSessionRequestContext context)
    {
        if (!string.IsNullOrEmpty(context.PostLogoutRedirectUri) && !IsPortalUri(context.PostLogoutRedirectUri, "signout-callback-oidc"))
        {
            context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not a registered portal's /signout-callback-oidc.");
        }
    }

    private bool IsPortalUri(string? value, string path) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        _portals.TryGetValue(uri.GetLeftPart(UriPartial.Authority), out var portal) &&
        uri == new Uri(portal, path);
}
