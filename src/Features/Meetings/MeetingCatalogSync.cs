using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Meetings;

/// <summary>
/// Copies Zoom's meetings into the catalog: lists every user's meetings, fetches details for new and changed ones,
/// upserts them and marks those gone from Zoom as removed. Idempotent; two syncs never overlap.
/// The portal's own data (visibility and groups) is never touched.
/// </summary>
public sealed partial class MeetingCatalogSync(
    IServiceScopeFactory scopes,
    IServiceProviderIsService services,
    IDbContextFactory<PortalDbContext> dbs,
    IDataProtectionProvider protection,
    MeetingCatalogNotifier notifier,
    TimeProvider time,
    ILogger<MeetingCatalogSync> logger) : IDisposable
{
    public const string PasscodeProtectorPurpose = MeetingPasscodes.Purpose;

    private static readonly ZoomMeetingListType[] ListTypes =
        [ZoomMeetingListType.Scheduled, ZoomMeetingListType.Live, ZoomMeetingListType.Upcoming, ZoomMeetingListType.PreviousMeetings];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly MeetingPasscodes _passcodes = new(protection);

    /// <summary>False until the Zoom client is registered; the catalog then works from the database alone.</summary>
    public bool IsZoomConnected => services.IsService(typeof(IZoomApi));

    public bool IsRunning => _gate.CurrentCount == 0;

    /// <summary>Every Zoom user's meetings.</summary>
    public Task<MeetingSyncResult> SyncAllAsync(CancellationToken cancellationToken) => RunAsync(null, cancellationToken);

    /// <summary>Only the meetings of the Zoom user with this e-mail (a host refreshing their own).</summary>
    public Task<MeetingSyncResult> SyncHostAsync(string hostEmail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostEmail);
        return RunAsync(hostEmail, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<MeetingSyncResult> RunAsync(string? hostEmail, CancellationToken cancellationToken)
    {
        if (!IsZoomConnected)
        {
            return MeetingSyncResult.ZoomNotConnected;
        }

        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            LogAlreadyRunning(logger);
            return MeetingSyncResult.AlreadyRunning;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var zoom = scope.ServiceProvider.GetRequiredService<IZoomApi>();
            var started = time.GetTimestamp();
            var result = await SyncAsync(zoom, hostEmail, cancellationToken);
            var elapsedMs = (long)time.GetElapsedTime(started).TotalMilliseconds;
            LogSynced(logger, hostEmail is null ? "all hosts" : "one host", result.Added, result.Updated, result.Unchanged, result.Removed, result.Failed, elapsedMs);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<MeetingSyncResult> SyncAsync(IZoomApi zoom, string? hostEmail, CancellationToken cancellationToken)
    {
        var users = await zoom.ListUsersAsync(cancellationToken);
        var wanted = Meeting.NormalizeEmail(hostEmail);
        var targets = wanted is null ? users : users.Where(u => Meeting.NormalizeEmail(u.Email) == wanted).ToList();
        if (targets.Count == 0 && wanted is not null)
        {
            return MeetingSyncResult.NoZoomUser;
        }

        var listed = await ListAllAsync(zoom, targets, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var hostIds = targets.Select(u => u.Id).ToList();
        var seenIds = listed.Meetings.Keys.ToList();
        var existing = await db.Meetings
            .Include(m => m.Occurrences)
            .Where(m => wanted == null || seenIds.Contains(m.Id) || hostIds.Contains(m.HostZoomUserId))
            .AsSplitQuery()
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        int added = 0, updated = 0, unchanged = 0, removed = 0, failed = listed.FailedUsers.Count;
        var changedIds = new List<long>();
        var goneIds = new HashSet<long>();
        foreach (var (id, (summary, user)) in listed.Meetings)
        {
            existing.TryGetValue(id, out var meeting);
            if (meeting is not null && !NeedsDetails(meeting, summary, listed.LiveIds.Contains(id)))
            {
                meeting.LastSyncedUtc = now;
                unchanged++;
                continue;
            }

            ZoomMeeting details;
            try
            {
                details = await zoom.GetMeetingAsync(id, cancellationToken);
            }
            catch (ZoomApiException ex) when (ex.StatusCode == 404)
            {
                goneIds.Add(id);
                continue;
            }
            catch (ZoomApiException ex)
            {
                LogDetailsFailed(logger, id, ex.StatusCode, ex.ZoomCode);
                failed++;
                continue;
            }

            var isNew = meeting is null;
            if (meeting is null)
            {
                meeting = new Meeting { Id = id, Uuid = details.Uuid, HostZoomUserId = user.Id, Topic = details.Topic };
                db.Meetings.Add(meeting);
            }

            var changed = Apply(meeting, details, user);
            meeting.LastSyncedUtc = now;
            if (isNew)
            {
                added++;
            }
            else if (changed)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }

            if (isNew || changed)
            {
                changedIds.Add(id);
            }
        }

        var listedHosts = targets.Select(u => u.Id).Except(listed.FailedUsers).ToHashSet(StringComparer.Ordinal);
        var allUsers = users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var meeting in existing.Values.Where(m => m.RemovedUtc is null))
        {
            // Gone: Zoom said 404, or its host was listed completely without it, or (full sync) its host left Zoom.
            var gone = goneIds.Contains(meeting.Id) ||
                (!listed.Meetings.ContainsKey(meeting.Id) &&
                 (listedHosts.Contains(meeting.HostZoomUserId) || (wanted is null && !allUsers.Contains(meeting.HostZoomUserId))));
            if (gone)
            {
                meeting.RemovedUtc = now;
                removed++;
                changedIds.Add(meeting.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changedIds.Count > 0)
        {
            await notifier.PublishAsync(new MeetingCatalogChange(changedIds));
        }

        return new MeetingSyncResult(MeetingSyncOutcome.Completed, added, updated, unchanged, removed, failed);
    }

    private async Task<Listing> ListAllAsync(IZoomApi zoom, IReadOnlyList<ZoomUser> users, CancellationToken cancellationToken)
    {
        var listing = new Listing();
        foreach (var user in users)
        {
            var found = new Dictionary<long, ZoomMeetingSummary>();
            try
            {
                foreach (var type in ListTypes)
                {
                    foreach (var summary in await zoom.ListMeetingsAsync(user.Id, type, cancellationToken))
                    {
                        found.TryAdd(summary.Id, summary);
                        if (type == ZoomMeetingListType.Live)
                        {
                            listing.LiveIds.Add(summary.Id);
                        }
                    }
                }
            }
            catch (ZoomApiException ex)
            {
                // Without a complete listing nothing of this user's may be marked removed.
                LogListFailed(logger, user.Id, ex.StatusCode, ex.ZoomCode, ex.MissingScope);
                listing.FailedUsers.Add(user.Id);
            }

            foreach (var (id, summary) in found)
            {
                listing.Meetings.TryAdd(id, (summary, user));
            }
        }

        return listing;
    }

    // Recurring meetings and live ones change in ways the listing does not show (occurrences, status), so they are
    // always read in full; other meetings only when the listing differs from what is stored.
    private static bool NeedsDetails(Meeting meeting, ZoomMeetingSummary summary, bool listedLive) =>
        listedLive ||
        meeting.RemovedUtc is not null ||
        meeting.Type is 3 or 8 || summary.Type is 3 or 8 ||
        string.Equals(meeting.ZoomStatus, MeetingStatuses.Started, StringComparison.OrdinalIgnoreCase) ||
        meeting.Uuid != summary.Uuid ||
        meeting.Topic != summary.Topic ||
        meeting.Agenda != NullIfEmpty(summary.Agenda) ||
        meeting.StartTimeUtc != summary.StartTime?.UtcDateTime ||
        meeting.DurationMinutes != summary.DurationMinutes ||
        meeting.TimeZone != NullIfEmpty(summary.Timezone) ||
        meeting.Type != summary.Type ||
        meeting.HostZoomUserId != summary.HostId;

    private bool Apply(Meeting meeting, ZoomMeeting details, ZoomUser host)
    {
        var before = Fields.Of(meeting);
        meeting.Uuid = details.Uuid;
        meeting.HostZoomUserId = string.IsNullOrEmpty(details.HostId) ? host.Id : details.HostId;
        meeting.HostEmail = NullIfEmpty(details.HostEmail) ?? NullIfEmpty(host.Email);
        meeting.HostEmailNormalized = Meeting.NormalizeEmail(meeting.HostEmail);
        meeting.HostName = NullIfEmpty(host.DisplayName) ?? NullIfEmpty($"{host.FirstName} {host.LastName}".Trim()) ?? meeting.HostEmail;
        meeting.Topic = details.Topic;
        meeting.Agenda = NullIfEmpty(details.Agenda);
        meeting.StartTimeUtc = details.StartTime?.UtcDateTime;
        meeting.TimeZone = NullIfEmpty(details.Timezone);
        meeting.DurationMinutes = details.DurationMinutes;
        meeting.Type = details.Type;
        meeting.ZoomStatus = string.IsNullOrEmpty(details.Status) ? MeetingStatuses.Waiting : details.Status;
        meeting.RemovedUtc = null;
        var passcodeChanged = ApplyPasscode(meeting, NullIfEmpty(details.Password));
        var occurrencesChanged = ApplyOccurrences(meeting, details.Occurrences);
        return passcodeChanged || occurrencesChanged || before != Fields.Of(meeting);
    }

    private bool ApplyPasscode(Meeting meeting, string? passcode)
    {
        // Protecting the same value twice gives different bytes, so compare the plain values.
        var current = _passcodes.Unprotect(meeting.ProtectedPasscode);

        if (current == passcode && (passcode is null) == (meeting.ProtectedPasscode is null))
        {
            return false;
        }

        meeting.ProtectedPasscode = _passcodes.Protect(passcode);
        return true;
    }

    private static bool ApplyOccurrences(Meeting meeting, IReadOnlyList<ZoomOccurrence> occurrences)
    {
        var changed = false;
        var incoming = occurrences.DistinctBy(o => o.OccurrenceId).ToDictionary(o => o.OccurrenceId, StringComparer.Ordinal);
        changed |= meeting.Occurrences.RemoveAll(o => !incoming.ContainsKey(o.OccurrenceId)) > 0;
        foreach (var occurrence in incoming.Values)
        {
            var start = occurrence.StartTime.UtcDateTime;
            var stored = meeting.Occurrences.Find(o => o.OccurrenceId == occurrence.OccurrenceId);
            if (stored is null)
            {
                meeting.Occurrences.Add(new MeetingOccurrence
                {
                    MeetingId = meeting.Id,
                    OccurrenceId = occurrence.OccurrenceId,
                    StartTimeUtc = start,
                    DurationMinutes = occurrence.DurationMinutes,
                    Status = occurrence.Status,
                });
                changed = true;
            }
            else if (stored.StartTimeUtc != start || stored.DurationMinutes != occurrence.DurationMinutes || stored.Status != occurrence.Status)
            {
                stored.StartTimeUtc = start;
                stored.DurationMinutes = occurrence.DurationMinutes;
                stored.Status = occurrence.Status;
                changed = true;
            }
        }

        return changed;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting catalog synced ({Scope}): {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Failed} failed in {ElapsedMs} ms")]
    private static partial void LogSynced(ILogger logger, string scope, int added, int updated, int unchanged, int removed, int failed, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "A meeting catalog sync is already running; this request was skipped")]
    private static partial void LogAlreadyRunning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing meetings of Zoom user {ZoomUserId} failed with HTTP {StatusCode} (Zoom code {ZoomCode}, missing scope {MissingScope}); their meetings are kept as they were")]
    private static partial void LogListFailed(ILogger logger, string zoomUserId, int statusCode, int? zoomCode, string? missingScope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading Zoom meeting {MeetingId} failed with HTTP {StatusCode} (Zoom code {ZoomCode}); it is kept as it was")]
    private static partial void LogDetailsFailed(ILogger logger, long meetingId, int statusCode, int? zoomCode);

    private sealed class Listing
    {
        public Dictionary<long, (ZoomMeetingSummary Summary, ZoomUser User)> Meetings { get; } = [];

        public HashSet<long> LiveIds { get; } = [];

        public HashSet<string> FailedUsers { get; } = new(StringComparer.Ordinal);
    }

    private readonly record struct Fields(
        string Uuid, string HostId, string? HostEmail, string? HostName, string Topic, string? Agenda,
        DateTime? Start, string? TimeZone, int Duration, int Type, string Status, DateTime? Removed)
    {
        public static Fields Of(Meeting m) => new(
            m.Uuid, m.HostZoomUserId, m.HostEmail, m.HostName, m.Topic, m.Agenda, m.StartTimeUtc, m.TimeZone, m.DurationMinutes, m.Type, m.ZoomStatus, m.RemovedUtc);
    }
}
