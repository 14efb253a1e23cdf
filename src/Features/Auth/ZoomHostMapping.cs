using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Auth;

/// <summary>
/// Which Zoom user a portal user may act as host for (role 1 and a ZAK). Only a user with the Host role, and only
/// through a mapping the portal can trust: an explicit one an admin configured, or an e-mail the identity provider
/// vouches for (<c>email_verified</c> true, or a provider the admin marks as verifying e-mails). E-mails compare as
/// Zoom compares them: trimmed, any letter case.
/// </summary>
public sealed class ZoomHostMapping(IOptionsMonitor<HostMappingOptions> options)
{
    /// <summary>A mapping with no explicit entries that trusts only verified e-mails (and the development sign-in).</summary>
    public static ZoomHostMapping Strict { get; } = new(new StaticOptionsMonitor(new HostMappingOptions()));

    /// <summary>The normalised Zoom e-mail this user hosts as, or null when the user is no host or the mapping is not trustworthy.</summary>
    public string? ZoomEmailOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(PortalRoles.Host) || user.UserId() is not { Length: > 0 } userId)
        {
            return null;
        }

        var settings = options.CurrentValue;
        if (settings.Explicit.TryGetValue(userId, out var mapped))
        {
            return Normalize(mapped);
        }

        var verified = user.FindFirst(PortalClaimTypes.EmailVerified)?.Value is { } flag && bool.TryParse(flag, out var value) && value;
        var method = user.FindFirst(PortalClaimTypes.SignInMethod)?.Value;
        var trusted = verified ||
            (settings.ProviderVerifiesEmails && method == PortalPrincipalFactory.OidcMethod) ||
            method == PortalPrincipalFactory.DevelopmentMethod;
        return trusted ? Normalize(user.Email()) : null;
    }

    /// <summary>The one host-ownership rule: this user hosts the meeting whose Zoom host has <paramref name="hostEmail"/>.</summary>
    public bool IsHostOf(string? hostEmail, ClaimsPrincipal user) =>
        ZoomEmailOf(user) is { } email && email == Normalize(hostEmail);

    /// <summary>Zoom treats e-mail addresses case-insensitively.</summary>
    public static string? Normalize(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();

    private sealed class StaticOptionsMonitor(HostMappingOptions value) : IOptionsMonitor<HostMappingOptions>
    {
        public HostMappingOptions CurrentValue => value;

        public HostMappingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HostMappingOptions, string?> listener) => null;
    }
}

/// <summary>How portal users map to Zoom hosts. Bound from <c>Authentication:HostMapping</c>.</summary>
public sealed class HostMappingOptions
{
    public const string SectionName = "Authentication:HostMapping";

    /// <summary>
    /// The identity provider lets users sign in only with e-mail addresses it has verified (e.g. a company directory), so
    /// its e-mails count as verified even without an <c>email_verified</c> claim. Leave false for providers where users
    /// choose their own e-mail.
    /// </summary>
    public bool ProviderVerifiesEmails { get; set; }

    /// <summary>Portal user id (the provider's <c>sub</c>) → the Zoom user's e-mail, set by an admin; wins over the e-mail claim.</summary>
    public IDictionary<string, string> Explicit { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
