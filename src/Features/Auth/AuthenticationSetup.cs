using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

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
            OnSigningIn = context =>
            {
                // Sliding renewal re-issues the ticket; the absolute deadline is written once and kept.
                context.Properties.Items.TryAdd(AbsoluteExpiryItem,
                    time.GetUtcNow().Add(session.Value.AbsoluteLifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            },
            OnValidatePrincipal = async context =>
            {
                if (!context.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var value) ||
                    !long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var deadline) ||
                    time.GetUtcNow().ToUnixTimeSeconds() >= deadline)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
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
        };
    }
}

/// <summary>How people sign in on this instance.</summary>
/// <param name="UsesOidc">An OpenID Connect provider is configured.</param>
/// <param name="UsesDevelopmentSignIn">No provider and the Development environment: the pick-a-name sign-in is on.</param>
public sealed record SignInMode(bool UsesOidc, bool UsesDevelopmentSignIn);
