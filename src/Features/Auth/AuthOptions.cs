using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Auth;

/// <summary>OpenID Connect sign-in. Bound from <c>Authentication:Oidc</c>.</summary>
public sealed class OidcOptions
{
    public const string SectionName = "Authentication:Oidc";

    /// <summary>The identity provider's issuer URL. Required outside Development.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Secret of a confidential client; set it through user-secrets or an environment variable.</summary>
    public string? ClientSecret { get; set; }

    public IList<string> Scopes { get; } = [];

    /// <summary>Claim that holds the display name.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Authentication:Oidc:NameClaim must name a claim.")]
    public string NameClaim { get; set; } = "name";

    /// <summary>Claim whose values are mapped to portal roles and used as groups (e.g. <c>roles</c> or <c>groups</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Authentication:Oidc:RoleClaim must name a claim.")]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Turn off only for a provider on loopback during development and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool GetClaimsFromUserInfoEndpoint { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<string> EffectiveScopes => Scopes.Count > 0 ? Scopes : ["openid", "profile", "email"];
}

/// <summary>Which values of the role claim make a user a host or an admin. Bound from <c>Authentication:Roles</c>.</summary>
public sealed class RoleMappingOptions
{
    public const string SectionName = "Authentication:Roles";

    public IList<string> Host { get; } = [];

    public IList<string> Admin { get; } = [];
}

/// <summary>How long a sign-in lasts. Bound from <c>Authentication:Session</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Authentication:Session";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Authentication:Session:IdleTimeout must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00", ErrorMessage = "Authentication:Session:AbsoluteLifetime must be between 00:05:00 and 30.00:00:00.")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page (a Blazor circuit) re-checks that its session has not ended on another instance.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Authentication:Session:RevalidationInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
