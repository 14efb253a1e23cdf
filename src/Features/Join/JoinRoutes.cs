using System.Globalization;

namespace ZoomPortal.Features.Join;

/// <summary>Every URL of the join feature, built in one place.</summary>
public static class JoinRoutes
{
    /// <summary>The meeting's details page, where the join page returns.</summary>
    public static string Meeting(long meetingId) => string.Create(CultureInfo.InvariantCulture, $"/meetings/{meetingId}");

    /// <summary>The desktop join page (Component View): <c>…/join</c>, or <c>…/start</c> for the host.</summary>
    public static string Page(long meetingId, JoinKind kind) => $"{Meeting(meetingId)}/{Action(kind)}";

    /// <summary>The mobile page (Client View), which has the whole page to itself.</summary>
    public static string ClientPage(long meetingId, JoinKind kind) => $"{Page(meetingId, kind)}/client";

    /// <summary>The Client View retries with a fresh page: the same join continues there (same support code).</summary>
    public static string ClientRetry(long meetingId, JoinKind kind, Guid joinId) =>
        string.Create(CultureInfo.InvariantCulture, $"{ClientPage(meetingId, kind)}?join={joinId}");

    /// <summary>The <c>{Action}</c> route value of the client page; null for anything but join or start.</summary>
    public static JoinKind? KindOf(string? action) => action switch
    {
        "join" => JoinKind.Join,
        "start" => JoinKind.Start,
        _ => null,
    };

    private static string Action(JoinKind kind) => kind == JoinKind.Start ? "start" : "join";
}
