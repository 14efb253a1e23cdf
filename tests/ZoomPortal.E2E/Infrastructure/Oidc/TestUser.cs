namespace ZoomPortal.E2E.Infrastructure.Oidc;

/// <summary>Someone the test identity provider signs in; <paramref name="Roles"/> go into the <c>roles</c> claim.</summary>
public sealed record TestUser(string Subject, string Name, string Email, IReadOnlyList<string> Roles)
{
    public static TestUser Host { get; } = new("host-1", "Hana Host", "hana.host@example.test", ["zoomportal-hosts"]);

    public static TestUser Admin { get; } = new("admin-1", "Ada Admin", "ada.admin@example.test", ["zoomportal-hosts", "zoomportal-admins"]);

    public static TestUser Attendee { get; } = new("attendee-1", "Abel Attendee", "abel.attendee@example.test", []);
}
