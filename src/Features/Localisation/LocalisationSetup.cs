using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using ZoomPortal.Features.Auth;

namespace ZoomPortal.Features.Localisation;

/// <summary>
/// English and German: the browser's Accept-Language chooses, the user menu's switch overrides it with the standard
/// culture cookie. Blazor Server fixes the culture per circuit (from the request that opened it), so the switch posts
/// here, gets the cookie and reloads.
/// </summary>
internal static class LocalisationSetup
{
    public const string SetCulturePath = "/culture";

    public static WebApplicationBuilder AddPortalLocalisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(PortalCultures.English)
                .AddSupportedCultures([.. PortalCultures.Supported])
                .AddSupportedUICultures([.. PortalCultures.Supported]);
            // de-AT, de-CH, en-GB… fall back to their language; the cookie provider (set by the switch) comes before
            // Accept-Language in the default provider order.
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
        return builder;
    }

    public static WebApplication UsePortalLocalisation(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    public static WebApplication MapPortalLocalisation(this WebApplication app)
    {
        // A form POST with an antiforgery token (validated for [FromForm]), like sign-out: no other site can switch it.
        app.MapPost(SetCulturePath, ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http) =>
        {
            if (PortalCultures.Normalise(culture) is { } chosen)
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, HttpOnly = true });
            }

            return TypedResults.LocalRedirect(ReturnUrl.Sanitize(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
