using System.Security.Claims;
using ZoomPortal.Features.Auth;

namespace ZoomPortal.Features.Meetings;

/// <summary>
/// The one place that decides who sees a meeting: every query for meetings shown to a user goes through
/// <see cref="VisibleTo"/>, so pages cannot disagree about access.
/// </summary>
public sealed class MeetingAccess
{
    /// <summary>
    /// Meetings the user may see: shared with all signed-in users, shared with one of the user's groups,
    /// hosted by the user (same e-mail, any case), or any meeting for an admin. Removed meetings are hidden from all.
    /// </summary>
    public IQueryable<Meeting> VisibleTo(IQueryable<Meeting> meetings, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(user);
        var current = meetings.Where(m => m.RemovedUtc == null);
        if (user.Identity?.IsAuthenticated != true)
        {
            return current.Where(m => false);
        }

        if (user.IsInRole(PortalRoles.Admin))
        {
            return current;
        }

        var groups = user.Groups().ToList();
        var email = Meeting.NormalizeEmail(user.Email());
        return current.Where(m =>
            m.Visibility == MeetingVisibility.AllSignedIn ||
            (email != null && m.HostEmailNormalized == email) ||
            m.Groups.Any(g => groups.Contains(g.Name)));
    }

    /// <summary>Meetings the user hosts, whatever their visibility: the /host page's list, by the rule of <see cref="IsHost"/>.</summary>
    public IQueryable<Meeting> HostedBy(IQueryable<Meeting> meetings, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var email = HostKey(user);
        return email is null
            ? meetings.Where(m => false)
            : meetings.Where(m => m.RemovedUtc == null && m.HostEmailNormalized == email);
    }

    /// <summary>
    /// The one host-ownership rule: the user is the meeting's Zoom host (same e-mail, any case). Starting a meeting
    /// (role 1 with a ZAK) and the /host page both go through it.
    /// </summary>
    public bool IsHost(string? hostEmail, ClaimsPrincipal user)
    {
        var email = HostKey(user);
        return email is not null && email == Meeting.NormalizeEmail(hostEmail);
    }

    private static string? HostKey(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? Meeting.NormalizeEmail(user.Email()) : null;
    }

    /// <summary>The host and admins may change who sees a meeting.</summary>
    public bool CanManage(string? hostEmail, ClaimsPrincipal user) =>
        IsHost(hostEmail, user) || (user?.Identity?.IsAuthenticated == true && user.IsInRole(PortalRoles.Admin));
}
