using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZoomPortal.Features.Auth.Sessions;

namespace ZoomPortal.Features.Auth;

internal static partial class AuthenticationEndpoints
{
    public const string DevelopmentSignInPath = "/authentication/dev-signin";

    public static RouteGroupBuilder MapAuthenticationEndpoints(this RouteGroupBuilder group, SignInMode mode)
    {
        group.MapGet("/login", (string? returnUrl) =>
        {
            var target = ReturnUrl.AfterSignIn(returnUrl);
            return mode.UsesOidc
                ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme])
                : (IResult)TypedResults.LocalRedirect($"{DevelopmentSignInPath}?returnUrl={Uri.EscapeDataString(target)}");
        }).AllowAnonymous();

        // A POST with an antiforgery token (validated for [FromForm] by UseAntiforgery), so no page can sign a user out.
        group.MapPost("/logout", ([FromForm] string? returnUrl) => SignOut(mode, returnUrl));

        // Ends every session of the signed-in user (other browsers and devices included), then signs this one out.
        group.MapPost("/logout-everywhere", async ([FromForm] string? returnUrl, HttpContext http, PortalSessionStore sessions) =>
        {
            var userId = http.User.FindFirst(PortalClaimTypes.UserId)?.Value;
            if (!string.IsNullOrEmpty(userId))
            {
                await sessions.EndAllForUserAsync(userId, PortalSessionEnd.SignedOutEverywhere, http.RequestAborted);
            }

            return SignOut(mode, returnUrl);
        }).RequireAuthorization();

        if (mode.UsesDevelopmentSignIn)
        {
            group.MapPost("/dev-login", DevelopmentSignInAsync).AllowAnonymous();
        }

        return group;
    }

    /// <summary>Ends this browser's session (the cookie handler's sign-out ends the server's record) and, with a provider, its session there too.</summary>
    private static SignOutHttpResult SignOut(SignInMode mode, string? returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = ReturnUrl.Sanitize(returnUrl) };
        string[] schemes = mode.UsesOidc
            ? [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]
            : [CookieAuthenticationDefaults.AuthenticationScheme];
        return TypedResults.SignOut(properties, schemes);
    }

    private static async Task<IResult> DevelopmentSignInAsync([FromForm] DevelopmentSignInForm form, HttpContext http, ILoggerFactory loggers)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            var query = $"?returnUrl={Uri.EscapeDataString(ReturnUrl.Sanitize(form.ReturnUrl))}&error={Uri.EscapeDataString(errors[0])}";
            return TypedResults.LocalRedirect(DevelopmentSignInPath + query);
        }

        var name = form.Name!.Trim();
        var role = PortalRoles.All.First(r => string.Equals(r, form.Role, StringComparison.OrdinalIgnoreCase));
        var roles = role switch
        {
            PortalRoles.Admin => new[] { PortalRoles.Attendee, PortalRoles.Host, PortalRoles.Admin },
            PortalRoles.Host => [PortalRoles.Attendee, PortalRoles.Host],
            _ => [PortalRoles.Attendee],
        };
        var userId = "dev-" + DevelopmentSignInForm.Slug(name);
        var email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        var groups = (form.Groups ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var principal = PortalPrincipalFactory.Create(userId, name, email, roles, groups, PortalPrincipalFactory.DevelopmentMethod);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        var logger = loggers.CreateLogger("ZoomPortal.Features.Auth");
        LogDevelopmentSignIn(logger, userId, role);
        return TypedResults.LocalRedirect(ReturnUrl.AfterSignIn(form.ReturnUrl));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development sign-in as {UserId} with role {Role}")]
    private static partial void LogDevelopmentSignIn(ILogger logger, string userId, string role);
}

/// <summary>What the development sign-in form posts.</summary>
internal sealed class DevelopmentSignInForm
{
    public const int MaxNameLength = 64;

    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Groups { get; set; }
    public string? ReturnUrl { get; set; }

    // Codes, not sentences: they travel in the redirect's query, and the page says them in the user's language.
    public const string NameMissing = "NameMissing";
    public const string NameTooLong = "NameTooLong";
    public const string NameNoLetters = "NameNoLetters";
    public const string RoleInvalid = "RoleInvalid";
    public const string EmailInvalid = "EmailInvalid";
    public const string GroupsTooLong = "GroupsTooLong";

    public static bool IsKnownError(string? message) =>
        message is NameMissing or NameTooLong or NameNoLetters or RoleInvalid or EmailInvalid or GroupsTooLong;

    public List<string> Validate()
    {
        var errors = new List<string>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(NameMissing);
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(NameTooLong);
        }
        else if (Slug(name).Length == 0)
        {
            errors.Add(NameNoLetters);
        }

        if (!PortalRoles.All.Contains(Role ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(RoleInvalid);
        }

        if (!string.IsNullOrWhiteSpace(Email) && !new EmailAddressAttribute().IsValid(Email.Trim()))
        {
            errors.Add(EmailInvalid);
        }

        if ((Groups?.Length ?? 0) > 512)
        {
            errors.Add(GroupsTooLong);
        }

        return errors;
    }

    public static string Slug(string name) =>
        new string(name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
