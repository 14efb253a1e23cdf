using System.Security.Claims;

namespace ZoomPortal.Features.Auth;

/// <summary>Builds the portal's own principal: a stable id, a name, an e-mail, portal roles and groups.</summary>
internal static class PortalPrincipalFactory
{
    public const string AuthenticationType = "ZoomPortal";
    public const string OidcMethod = "oidc";
    public const string DevelopmentMethod = "development";

    public static ClaimsPrincipal FromExternal(ClaimsPrincipal external, OidcOptions oidc, RoleMappingOptions roles)
    {
        ArgumentNullException.ThrowIfNull(external);
        var subject = external.FindFirst("sub")?.Value
            ?? throw new InvalidOperationException("The identity provider returned no 'sub' claim.");
        var name = FirstNonEmpty(external, oidc.NameClaim, "name", "preferred_username", "email") ?? subject;
        var email = FirstNonEmpty(external, "email");
        // A JSON true arrives as "true" (or "True" through some handlers); anything else is not verified.
        var emailVerified = external.FindAll(PortalClaimTypes.EmailVerified).Any(c => bool.TryParse(c.Value, out var v) && v);
        var groups = external.FindAll(oidc.RoleClaim).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        var portalRoles = new List<string> { PortalRoles.Attendee };
        if (groups.Any(g => roles.Host.Contains(g, StringComparer.OrdinalIgnoreCase)))
        {
            portalRoles.Add(PortalRoles.Host);
        }

        if (groups.Any(g => roles.Admin.Contains(g, StringComparer.OrdinalIgnoreCase)))
        {
            portalRoles.Add(PortalRoles.Admin);
        }

        return Create(subject, name, email, portalRoles, groups, OidcMethod, emailVerified);
    }

    public static ClaimsPrincipal Create(string userId, string name, string? email, IEnumerable<string> roles, IEnumerable<string> groups, string method, bool emailVerified = false)
    {
        var claims = new List<Claim>
        {
            new(PortalClaimTypes.UserId, userId),
            new(PortalClaimTypes.Name, name),
            new(PortalClaimTypes.SignInMethod, method),
        };
        if (!string.IsNullOrWhiteSpace(email))
        {
            claims.Add(new Claim(PortalClaimTypes.Email, email));
            if (emailVerified)
            {
                claims.Add(new Claim(PortalClaimTypes.EmailVerified, "true"));
            }
        }

        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(PortalClaimTypes.Role, r)));
        claims.AddRange(groups.Select(g => new Claim(PortalClaimTypes.Group, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, PortalClaimTypes.Name, PortalClaimTypes.Role));
    }

    private static string? FirstNonEmpty(ClaimsPrincipal principal, params string[] types) =>
        types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

internal static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirst(PortalClaimTypes.UserId)?.Value;

    public static string? Email(this ClaimsPrincipal user) => user.FindFirst(PortalClaimTypes.Email)?.Value;

    public static IReadOnlyList<string> Groups(this ClaimsPrincipal user) =>
        user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).ToList();
}
