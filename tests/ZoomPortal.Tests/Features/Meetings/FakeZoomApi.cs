using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Meetings;

/// <summary>An in-memory Zoom: users and full meetings; listings are derived from the meetings.</summary>
public sealed class FakeZoomApi : IZoomApi
{
    public List<ZoomUser> Users { get; } = [];

    public Dictionary<long, ZoomMeeting> Meetings { get; } = [];

    public HashSet<string> FailingUsers { get; } = [];

    public List<long> DetailRequests { get; } = [];

    /// <summary>When set, ListUsersAsync waits for it (to hold a sync open).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<IReadOnlyList<ZoomUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        return Users.ToList();
    }

    public Task<IReadOnlyList<ZoomMeetingSummary>> ListMeetingsAsync(string userId, ZoomMeetingListType type, CancellationToken cancellationToken)
    {
        if (FailingUsers.Contains(userId))
        {
            throw new ZoomApiException("Rate limited", 429);
        }

        IReadOnlyList<ZoomMeetingSummary> list = type == ZoomMeetingListType.Scheduled
            ? Meetings.Values.Where(m => m.HostId == userId)
                .Select(m => new ZoomMeetingSummary(m.Id, m.Uuid, m.HostId, m.Topic, m.Type, m.StartTime, m.DurationMinutes, m.Timezone, m.Agenda))
                .ToList()
            : [];
        return Task.FromResult(list);
    }

    public Task<ZoomMeeting> GetMeetingAsync(long meetingId, CancellationToken cancellationToken)
    {
        DetailRequests.Add(meetingId);
        return Meetings.TryGetValue(meetingId, out var meeting)
            ? Task.FromResult(meeting)
            : throw new ZoomApiException("Meeting not found", 404, 3001);
    }

    public Task<string> GetZakAsync(string userId, CancellationToken cancellationToken) => Task.FromResult("zak");

    public static ZoomMeeting Meeting(long id, string hostId, string topic, DateTimeOffset start, string? password = "s3cret-pass", int type = 2, params ZoomOccurrence[] occurrences) =>
        new(id, $"uuid-{id}", hostId, null, topic, type, start, 60, "Europe/Berlin", "Agenda of " + topic, password, "waiting", occurrences);
}
