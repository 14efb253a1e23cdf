namespace ZoomPortal.Features.Auth;

/// <summary>The portal's roles. Every signed-in user is an attendee; hosts and admins are mapped from claims.</summary>
public static class PortalRoles
{
    public const string Attendee = "Attendee";
    public const string Host = "Host";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Attendee, Host, Admin];
}

/// <summary>Claim types of the portal's own principal, whatever the identity provider calls them.</summary>
public static class PortalClaimTypes
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Role = "role";
    public const string Group = "group";
    public const string SignInMethod = "amr_portal";

    /// <summary>The server-side session (<see cref="Sessions.PortalSession"/>) this sign-in belongs to.</summary>
    public const string SessionId = "portal_sid";
}
