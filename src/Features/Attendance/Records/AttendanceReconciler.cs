namespace ZoomPortal.Features.Attendance.Records;

/// <summary>
/// Turns a session's events, from both sources and in any order, into one record per person. Pure: the same events
/// give the same record, so a restart or another instance rebuilds it from the database.
/// <list type="bullet">
/// <item>Events about the same person are grouped by customerKey (the portal user id), then e-mail, then Zoom's
/// participant ids: any shared identifier links them.</item>
/// <item>Sorted by time, a join while in and a leave while out change nothing, so the SDK's and the webhook's copies
/// of one join count once, and so do duplicates.</item>
/// <item>Failover and on-hold churn (<see cref="AttendanceEvent.Transient"/>) is not a leave.</item>
/// <item>A leave without any join opens at the session's start (the join was missed); the session's end closes
/// whatever is still open.</item>
/// </list>
/// </summary>
public static class AttendanceReconciler
{
    public static IReadOnlyList<AttendeeRecord> Reconcile(IEnumerable<AttendanceEvent> events, DateTime sessionStart, DateTime? sessionEnd)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.Where(e => !e.Transient)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Kind == AttendanceEventKind.Left ? 1 : 0).ThenBy(e => e.Id)
            .ToList();
        var groups = Group(ordered);
        var records = new List<AttendeeRecord>(groups.Count);
        foreach (var group in groups)
        {
            records.Add(Build(group, sessionStart, sessionEnd));
        }

        return [.. records.OrderBy(r => r.State).ThenBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>The identifiers an event carries, strongest first; the first one names the person.</summary>
    public static IEnumerable<string> IdentifiersOf(AttendanceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!string.IsNullOrEmpty(e.CustomerKey)) yield return "user:" + e.CustomerKey;
        if (!string.IsNullOrEmpty(e.Email)) yield return "email:" + e.Email;
        if (!string.IsNullOrEmpty(e.ParticipantUuid)) yield return "puuid:" + e.ParticipantUuid;
        if (!string.IsNullOrEmpty(e.ZoomUserId)) yield return "zoom:" + e.ZoomUserId;
    }

    private static List<List<AttendanceEvent>> Group(List<AttendanceEvent> events)
    {
        // Union-find over identifiers: two events share a person when any identifier is shared, directly or through others.
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var anonymous = 0;
        var keys = new List<string>(events.Count);
        foreach (var e in events)
        {
            var ids = IdentifiersOf(e).ToList();
            if (ids.Count == 0)
            {
                ids.Add("anon:" + (e.DisplayName ?? string.Empty) + ":" + anonymous++);
            }

            foreach (var id in ids)
            {
                parent.TryAdd(id, id);
            }

            var root = Find(ids[0]);
            foreach (var id in ids.Skip(1))
            {
                var other = Find(id);
                if (other != root)
                {
                    parent[other] = root;
                }
            }

            keys.Add(ids[0]);
        }

        var byRoot = new Dictionary<string, List<AttendanceEvent>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var root = Find(keys[i]);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
            }

            list.Add(events[i]);
        }

        return [.. byRoot.Values];
    }

    private static AttendeeRecord Build(List<AttendanceEvent> events, DateTime sessionStart, DateTime? sessionEnd)
    {
        var intervals = new List<AttendanceInterval>();
        DateTime? openSince = null;
        DateTime? waitingSince = null;
        var last = sessionStart;
        foreach (var e in events)
        {
            var at = sessionEnd is { } end && e.OccurredAt > end ? end : e.OccurredAt;
            switch (e.Kind)
            {
                case AttendanceEventKind.Joined when openSince is null:
                    openSince = at;
                    waitingSince = null;
                    break;
                case AttendanceEventKind.Left when openSince is { } inSince:
                    intervals.Add(new AttendanceInterval(inSince, at));
                    openSince = null;
                    last = at;
                    break;
                case AttendanceEventKind.Left when intervals.Count == 0 && waitingSince is null:
                    // The join was never seen (lost, or from before a restart of the sender): in since the session began.
                    intervals.Add(new AttendanceInterval(sessionStart <= at ? sessionStart : at, at));
                    last = at;
                    break;
                case AttendanceEventKind.Left when waitingSince is not null:
                    waitingSince = null;
                    last = at;
                    break;
                case AttendanceEventKind.WaitingEntered when openSince is null:
                    waitingSince ??= at;
                    break;
                case AttendanceEventKind.WaitingLeft when waitingSince is not null:
                    waitingSince = null;
                    last = at;
                    break;
            }
        }

        if (openSince is { } stillIn && sessionEnd is { } ended)
        {
            intervals.Add(new AttendanceInterval(stillIn, ended > stillIn ? ended : stillIn));
            openSince = null;
            last = ended;
        }

        if (openSince is { } open)
        {
            intervals.Add(new AttendanceInterval(open, null));
        }

        var state = openSince is not null ? AttendeeState.In : waitingSince is not null && sessionEnd is null ? AttendeeState.Waiting : AttendeeState.Left;
        var since = state switch
        {
            AttendeeState.In => openSince!.Value,
            AttendeeState.Waiting => waitingSince!.Value,
            _ => last,
        };
        var customerKey = events.Select(e => e.CustomerKey).FirstOrDefault(k => !string.IsNullOrEmpty(k));
        var email = events.Select(e => e.Email).FirstOrDefault(k => !string.IsNullOrEmpty(k));
        var name = events.Select(e => e.DisplayName).LastOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? email?.ToLowerInvariant() ?? "Participant";
        var key = IdentifiersOf(events[0]).FirstOrDefault() ?? "anon:" + name;
        if (customerKey is not null) key = "user:" + customerKey;
        else if (email is not null) key = "email:" + email;
        return new AttendeeRecord(key, customerKey, email, name, state, since, intervals);
    }
}
