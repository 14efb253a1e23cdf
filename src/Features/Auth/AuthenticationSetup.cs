using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth.Sessions;

namespace ZoomPortal.Features.Auth;

internal static class AuthenticationSetup
{
    public const string CookieName = "__Host-ZoomPortal";
    private const string AbsoluteExpiryItem = ".portal.absolute-expiry";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoleMappingOptions>().BindConfiguration(RoleMappingOptions.SectionName);
        services.AddOptions<HostMappingOptions>().BindConfiguration(HostMappingOptions.SectionName);
        services.AddSingleton<ZoomHostMapping>();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<PortalSessionStore>();
        services.AddHostedService<PortalSessionCleanup>();

        // Whether there is an OIDC handler at all is a start-up decision; its settings are validated above.
        var oidc = builder.Configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new OidcOptions();
        var mode = new SignInMode(oidc.IsConfigured, !oidc.IsConfigured && builder.Environment.IsDevelopment());
        services.AddSingleton(mode);

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SessionOptions>, TimeProvider>(ConfigureCookie);

        if (mode.UsesOidc)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, _ => { });
            services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .Configure<IOptions<OidcOptions>, IOptions<RoleMappingOptions>>(ConfigureOidc);
        }

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        return builder;
    }

    public static WebApplication MapPortalAuthentication(this WebApplication app)
    {
        app.MapGroup("/authentication").MapAuthenticationEndpoints(app.Services.GetRequiredService<SignInMode>());
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IOptions<SessionOptions> session, TimeProvider time)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = session.Value.IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = "/authentication/login";
        options.LogoutPath = "/authentication/logout";
        options.AccessDeniedPath = "/access-denied";
        options.Events = new CookieAuthenticationEvents
        {
            OnSigningIn = async context =>
            {
                // Sliding renewal re-issues the ticket; the absolute deadline and the session are written once and kept.
                context.Properties.Items.TryAdd(AbsoluteExpiryItem,
                    time.GetUtcNow().Add(session.Value.AbsoluteLifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaimTypes.SessionId))
                {
                    var store = context.HttpContext.RequestServices.GetRequiredService<PortalSessionStore>();
                    var started = await store.StartAsync(
                        identity.FindFirst(PortalClaimTypes.UserId)?.Value ?? string.Empty,
                        identity.FindFirst(PortalClaimTypes.Name)?.Value ?? string.Empty,
                        identity.FindFirst(PortalClaimTypes.SignInMethod)?.Value ?? string.Empty,
                        context.HttpContext.RequestAborted);
                    identity.AddClaim(new Claim(PortalClaimTypes.SessionId, started.Id));
                }
            },
            OnValidatePrincipal = async context =>
            {
                // The cookie alone is not enough: the session it names must still be active on the server
                // (not signed out, not ended by "sign out everywhere" or an administrator, within its absolute lifetime).
                var store = context.HttpContext.RequestServices.GetRequiredService<PortalSessionStore>();
                if (!context.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var value) ||
                    !long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var deadline) ||
                    time.GetUtcNow().ToUnixTimeSeconds() >= deadline ||
                    !await store.IsActiveAsync(context.Principal?.FindFirst(PortalClaimTypes.SessionId)?.Value, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            },
            OnSigningOut = async context =>
            {
                var store = context.HttpContext.RequestServices.GetRequiredService<PortalSessionStore>();
                await store.EndAsync(context.HttpContext.User.FindFirst(PortalClaimTypes.SessionId)?.Value, PortalSessionEnd.SignedOut, context.HttpContext.RequestAborted);
            },
        };
    }

    private static void ConfigureOidc(OpenIdConnectOptions options, IOptions<OidcOptions> oidcOptions, IOptions<RoleMappingOptions> roleOptions)
    {
        var oidc = oidcOptions.Value;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.GetClaimsFromUserInfoEndpoint = oidc.GetClaimsFromUserInfoEndpoint;
        options.Scope.Clear();
        foreach (var scope in oidc.EffectiveScopes)
        {
            options.Scope.Add(scope);
        }

        // Many providers put groups (and email_verified) only in the userinfo response; arrays become one claim per value.
        options.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
        options.ClaimActions.MapUniqueJsonKey(PortalClaimTypes.EmailVerified, PortalClaimTypes.EmailVerified);
        options.TokenValidationParameters.NameClaimType = oidc.NameClaim;
        options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
        options.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = context =>
            {
                // Swap the provider's claims for the portal's small, stable set before the cookie is written.
                if (context.Principal is not null)
                {
                    context.Principal = PortalPrincipalFactory.FromExternal(context.Principal, oidc, roleOptions.Value);
                }

                return Task.CompletedTask;
            },
            // Anyone can POST garbage to /signin-oidc: a friendly page and a one-line warning, not a 500 with a stack trace.
            OnRemoteFailure = SignInCallbackFailure.HandleAsync,
            // The user said no at the provider: the same page, saying so, instead of a failure.
            OnAccessDenied = SignInCallbackFailure.HandleAccessDeniedAsync,
        };
    }
}

/// <summary>How people sign in on this instance.</summary>
/// <param name="UsesOidc">An OpenID Connect provider is configured.</param>
/// <param name="UsesDevelopmentSignIn">No provider and the Development environment: the pick-a-name sign-in is on.</param>
public sealed record SignInMode(bool UsesOidc, bool UsesDevelopmentSignIn);
