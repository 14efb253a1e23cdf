using ZoomPortal.Features.Attendance.Records;

namespace ZoomPortal.Tests.Features.Attendance;

public sealed class AttendanceReconcilerTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private long _id;

    [Fact]
    public void The_same_participant_seen_by_the_sdk_and_by_a_webhook_counts_once()
    {
        // The browser knows the portal user id; Zoom's webhook carries the same customer_key and its own ids.
        var events = new[]
        {
            Sdk(AttendanceEventKind.Joined, 1, key: "user-ann", email: "ANN@EXAMPLE.COM"),
            Webhook(AttendanceEventKind.Joined, 0.9, key: "user-ann", zoomId: "16778242", puuid: "p-ann"),
            Sdk(AttendanceEventKind.Left, 31, key: "user-ann", email: "ANN@EXAMPLE.COM"),
            Webhook(AttendanceEventKind.Left, 31.1, key: "user-ann", zoomId: "16778242", puuid: "p-ann"),
        };

        var record = Assert.Single(AttendanceReconciler.Reconcile(events, Start, null));

        Assert.Equal("user-ann", record.UserId);
        Assert.Equal(AttendeeState.Left, record.State);
        Assert.Single(record.Intervals);
        Assert.Equal(30.1, record.MinutesAt(Start.AddHours(2)), 3);
    }

    [Fact]
    public void A_webhook_without_customer_key_is_matched_by_e_mail()
    {
        var events = new[]
        {
            Sdk(AttendanceEventKind.Joined, 2, key: "user-bo", email: "BO@EXAMPLE.COM"),
            Webhook(AttendanceEventKind.Joined, 2, email: "BO@EXAMPLE.COM", zoomId: "77"),
            Webhook(AttendanceEventKind.Left, 12, zoomId: "77"),
        };

        var record = Assert.Single(AttendanceReconciler.Reconcile(events, Start, null));

        Assert.Equal("user-bo", record.UserId);
        Assert.Equal(10, record.MinutesAt(Start.AddHours(1)), 3);
    }

    [Fact]
    public void A_leave_without_a_join_counts_from_the_session_start()
    {
        var events = new[] { Webhook(AttendanceEventKind.Left, 20, key: "user-cy") };

        var record = Assert.Single(AttendanceReconciler.Reconcile(events, Start, null));

        Assert.Equal(new AttendanceInterval(Start, Start.AddMinutes(20)), Assert.Single(record.Intervals));
        Assert.Equal(AttendeeState.Left, record.State);
    }

    [Fact]
    public void A_join_twice_opens_one_interval()
    {
        var events = new[]
        {
            Sdk(AttendanceEventKind.Joined, 5, key: "user-di"),
            Sdk(AttendanceEventKind.Joined, 6, key: "user-di"),
        };

        var record = Assert.Single(AttendanceReconciler.Reconcile(events, Start, null));

        Assert.Equal(AttendeeState.In, record.State);
        Assert.Equal(Start.AddMinutes(5), record.Since);
        Assert.Equal(10, record.MinutesAt(Start.AddMinutes(15)), 3);
    }

    [Fact]
    public void Events_out_of_order_give_the_same_intervals_as_in_order()
    {
        var inOrder = new[]
        {
            Webhook(AttendanceEventKind.Joined, 1, key: "user-ed"),
            Webhook(AttendanceEventKind.Left, 10, key: "user-ed"),
            Webhook(AttendanceEventKind.Joined, 15, key: "user-ed"),
            Webhook(AttendanceEventKind.Left, 25, key: "user-ed"),
        };

        var expected = AttendanceReconciler.Reconcile(inOrder, Start, null).Single().Intervals;
        var shuffled = AttendanceReconciler.Reconcile([inOrder[3], inOrder[1], inOrder[2], inOrder[0]], Start, null).Single().Intervals;

        Assert.Equal(
            [new AttendanceInterval(Start.AddMinutes(1), Start.AddMinutes(10)), new AttendanceInterval(Start.AddMinutes(15), Start.AddMinutes(25))],
            expected);
        Assert.Equal(expected, shuffled);
    }

    [Fact]
    public void Failover_and_on_hold_churn_is_not_a_leave()
    {
        var events = new[]
        {
            Sdk(AttendanceEventKind.Joined, 0, key: "user-fa"),
            Sdk(AttendanceEventKind.Left, 10, key: "user-fa", transient: true),
            Sdk(AttendanceEventKind.Joined, 10.2, key: "user-fa", transient: true),
        };

        var record = Assert.Single(AttendanceReconciler.Reconcile(events, Start, null));

        Assert.Equal(AttendeeState.In, record.State);
        Assert.Equal(new AttendanceInterval(Start, null), Assert.Single(record.Intervals));
    }

    [Fact]
    public void The_session_end_closes_whoever_is_still_in()
    {
        var events = new[] { Webhook(AttendanceEventKind.Joined, 5, key: "user-gi") };

        var record = Assert.Single(AttendanceReconciler.Reconcile(events, Start, Start.AddMinutes(45)));

        Assert.Equal(AttendeeState.Left, record.State);
        Assert.Equal(40, record.MinutesAt(Start.AddDays(1)), 3);
    }

    [Fact]
    public void A_waiting_participant_is_waiting_until_admitted()
    {
        var waiting = new[] { Webhook(AttendanceEventKind.WaitingEntered, 3, email: "HAL@EXAMPLE.COM") };
        var admitted = waiting.Append(Webhook(AttendanceEventKind.WaitingLeft, 4, email: "HAL@EXAMPLE.COM"))
            .Append(Webhook(AttendanceEventKind.Joined, 4, email: "HAL@EXAMPLE.COM")).ToArray();

        Assert.Equal(AttendeeState.Waiting, AttendanceReconciler.Reconcile(waiting, Start, null).Single().State);
        var record = AttendanceReconciler.Reconcile(admitted, Start, null).Single();
        Assert.Equal(AttendeeState.In, record.State);
        Assert.Equal(Start.AddMinutes(4), record.Since);
    }

    [Fact]
    public void Different_people_stay_apart()
    {
        var events = new[]
        {
            Sdk(AttendanceEventKind.Joined, 1, key: "user-a"),
            Sdk(AttendanceEventKind.Joined, 1, key: "user-b"),
            Webhook(AttendanceEventKind.Joined, 1, zoomId: "99", name: "Phone caller"),
        };

        Assert.Equal(3, AttendanceReconciler.Reconcile(events, Start, null).Count);
    }

    private AttendanceEvent Sdk(AttendanceEventKind kind, double minute, string? key = null, string? email = null, bool transient = false) =>
        new()
        {
            Id = ++_id, Source = AttendanceSource.Sdk, Kind = kind, OccurredAt = Start.AddMinutes(minute), CustomerKey = key, Email = email,
            Transient = transient, DisplayName = key,
        };

    private AttendanceEvent Webhook(AttendanceEventKind kind, double minute, string? key = null, string? email = null, string? zoomId = null, string? puuid = null, string? name = null) =>
        new()
        {
            Id = ++_id, Source = AttendanceSource.Webhook, Kind = kind, OccurredAt = Start.AddMinutes(minute), CustomerKey = key, Email = email,
            ZoomUserId = zoomId, ParticipantUuid = puuid, DisplayName = name ?? key,
        };
}
