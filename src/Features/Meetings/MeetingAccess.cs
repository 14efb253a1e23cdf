using System.Security.Claims;
using ZoomPortal.Features.Auth;

namespace ZoomPortal.Features.Meetings;

/// <summary>
/// The one place that decides who sees a meeting: every query for meetings shown to a user goes through
/// <see cref="VisibleTo"/>, so pages cannot disagree about access.
/// </summary>
/// <param name="hosts">Who hosts as which Zoom user; the strict rule (verified e-mails only) when not given.</param>
public sealed class MeetingAccess(ZoomHostMapping? hosts = null)
{
    private readonly ZoomHostMapping _hosts = hosts ?? ZoomHostMapping.Strict;

    /// <summary>
    /// Meetings the user may see: shared with all signed-in users, shared with one of the user's groups,
    /// hosted by the user (by <see cref="ZoomHostMapping"/>), or any meeting for an admin. Removed meetings are hidden from all.
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
        var email = _hosts.ZoomEmailOf(user);
        return current.Where(m =>
            m.Visibility == MeetingVisibility.AllSignedIn ||
            (email != null && m.HostEmailNormalized == email) ||
            m.Groups.Any(g => groups.Contains(g.Name)));
    }

    /// <summary>Meetings the user hosts, whatever their visibility: the /host page's list, by the rule of <see cref="IsHost"/>.</summary>
    public IQueryable<Meeting> HostedBy(IQueryable<Meeting> meetings, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(user);
        var email = _hosts.ZoomEmailOf(user);
        return email is null
            ? meetings.Where(m => false)
            : meetings.Where(m => m.RemovedUtc == null && m.HostEmailNormalized == email);
    }

    /// <summary>
    /// The one host-ownership rule, from <see cref="ZoomHostMapping"/>: the Host role and a trustworthy mapping to the
    /// meeting's Zoom host. Starting a meeting (role 1 with a ZAK) and the /host page both go through it.
    /// </summary>
    public bool IsHost(string? hostEmail, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _hosts.IsHostOf(hostEmail, user);
    }

    /// <summary>The host and admins may change who sees a meeting.</summary>
    public bool CanManage(string? hostEmail, ClaimsPrincipal user) =>
        IsHost(hostEmail, user) || (user?.Identity?.IsAuthenticated == true && user.IsInRole(PortalRoles.Admin));
}
