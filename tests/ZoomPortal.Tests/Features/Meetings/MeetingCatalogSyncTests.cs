using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZoomPortal.Data;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class MeetingCatalogSyncTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeZoomApi _zoom = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly EphemeralDataProtectionProvider _protection = new();
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _zoom.Users.Add(new ZoomUser("zoom-hana", "hana@example.com", "Hana", "Host", null, 1, "active", "Europe/Berlin"));
        _zoom.Users.Add(new ZoomUser("zoom-olaf", "olaf@example.com", "Olaf", "Other", null, 1, "active", "UTC"));
        _zoom.Meetings[81234567890] = FakeZoomApi.Meeting(81234567890, "zoom-hana", "Weekly sync", Now.AddHours(1), type: 8, occurrences:
        [
            new ZoomOccurrence("1774771200000", Now.AddHours(1), 60, "available"),
            new ZoomOccurrence("1775376000000", Now.AddDays(7).AddHours(1), 60, "available"),
        ]);
        _zoom.Meetings[81234567891] = FakeZoomApi.Meeting(81234567891, "zoom-olaf", "Budget", Now.AddDays(1));
        _services = Services(_zoom);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private MeetingCatalogSync Sync => _services.GetRequiredService<MeetingCatalogSync>();

    [Fact]
    public async Task First_sync_adds_every_users_meetings_with_occurrences_and_host()
    {
        var result = await Sync.SyncAllAsync(CancellationToken.None);

        Assert.Equal(new MeetingSyncResult(MeetingSyncOutcome.Completed, Added: 2), result);
        await using var db = _database.CreateDbContext();
        var weekly = await db.Meetings.Include(m => m.Occurrences).SingleAsync(m => m.Id == 81234567890);
        Assert.Equal("hana@example.com", weekly.HostEmail);
        Assert.Equal("Hana Host", weekly.HostName);
        Assert.Equal(Now.AddHours(1).UtcDateTime, weekly.StartTimeUtc);
        Assert.Equal(DateTimeKind.Utc, weekly.StartTimeUtc!.Value.Kind);
        Assert.Equal(2, weekly.Occurrences.Count);
        Assert.Equal(Now.UtcDateTime, weekly.LastSyncedUtc);
    }

    [Fact]
    public async Task Passcode_is_stored_encrypted_and_reads_back()
    {
        await Sync.SyncAllAsync(CancellationToken.None);

        await using var db = _database.CreateDbContext();
        var stored = await db.Meetings.Where(m => m.Id == 81234567891).Select(m => m.ProtectedPasscode).SingleAsync();
        Assert.NotNull(stored);
        Assert.DoesNotContain("s3cret-pass", stored, StringComparison.Ordinal);
        Assert.Equal("s3cret-pass", new MeetingPasscodes(_protection).Unprotect(stored));
    }

    [Fact]
    public async Task A_second_sync_with_nothing_changed_changes_nothing_and_fetches_only_recurring_details()
    {
        await Sync.SyncAllAsync(CancellationToken.None);
        _zoom.DetailRequests.Clear();

        var result = await Sync.SyncAllAsync(CancellationToken.None);

        Assert.Equal(new MeetingSyncResult(MeetingSyncOutcome.Completed, Unchanged: 2), result);
        Assert.Equal([81234567890L], _zoom.DetailRequests);
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.Meetings.CountAsync());
        Assert.Equal(2, await db.MeetingOccurrences.CountAsync());
    }

    [Fact]
    public async Task A_changed_meeting_is_updated_and_keeps_the_visibility_set_in_the_portal()
    {
        await Sync.SyncAllAsync(CancellationToken.None);
        await using (var db = _database.CreateDbContext())
        {
            var budget = await db.Meetings.SingleAsync(m => m.Id == 81234567891);
            budget.Visibility = MeetingVisibility.Groups;
            budget.Groups.Add(new MeetingGroup { MeetingId = budget.Id, Name = "finance" });
            await db.SaveChangesAsync();
        }

        _zoom.Meetings[81234567891] = _zoom.Meetings[81234567891] with { Topic = "Budget 2027", StartTime = Now.AddDays(2) };
        var result = await Sync.SyncAllAsync(CancellationToken.None);

        Assert.Equal(1, result.Updated);
        await using var check = _database.CreateDbContext();
        var updated = await check.Meetings.Include(m => m.Groups).SingleAsync(m => m.Id == 81234567891);
        Assert.Equal("Budget 2027", updated.Topic);
        Assert.Equal(Now.AddDays(2).UtcDateTime, updated.StartTimeUtc);
        Assert.Equal(MeetingVisibility.Groups, updated.Visibility);
        Assert.Equal("finance", Assert.Single(updated.Groups).Name);
    }

    [Fact]
    public async Task A_meeting_gone_from_Zoom_is_marked_removed_and_comes_back_if_it_reappears()
    {
        await Sync.SyncAllAsync(CancellationToken.None);
        var budget = _zoom.Meetings[81234567891];
        _zoom.Meetings.Remove(81234567891);
        _time.Advance(TimeSpan.FromMinutes(5));

        var result = await Sync.SyncAllAsync(CancellationToken.None);

        Assert.Equal(1, result.Removed);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, await RemovedAtAsync(81234567891));
        Assert.Null(await RemovedAtAsync(81234567890));

        _zoom.Meetings[81234567891] = budget;
        await Sync.SyncAllAsync(CancellationToken.None);
        Assert.Null(await RemovedAtAsync(81234567891));
    }

    [Fact]
    public async Task Meetings_of_a_user_whose_listing_failed_are_not_marked_removed()
    {
        await Sync.SyncAllAsync(CancellationToken.None);
        _zoom.FailingUsers.Add("zoom-olaf");

        var result = await Sync.SyncAllAsync(CancellationToken.None);

        Assert.Equal(0, result.Removed);
        Assert.Equal(1, result.Failed);
        Assert.Null(await RemovedAtAsync(81234567891));
    }

    [Fact]
    public async Task A_host_refresh_touches_only_that_hosts_meetings()
    {
        var result = await Sync.SyncHostAsync("HANA@example.com", CancellationToken.None);

        Assert.Equal(1, result.Added);
        await using var db = _database.CreateDbContext();
        Assert.Equal([81234567890L], await db.Meetings.Select(m => m.Id).ToListAsync());
    }

    [Fact]
    public async Task Two_syncs_never_overlap()
    {
        _zoom.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Sync.SyncAllAsync(CancellationToken.None);

        var second = await Sync.SyncAllAsync(CancellationToken.None);
        _zoom.Gate.SetResult();

        Assert.Equal(MeetingSyncOutcome.AlreadyRunning, second.Outcome);
        Assert.Equal(2, (await first).Added);
    }

    [Fact]
    public async Task Without_a_Zoom_client_sync_does_nothing()
    {
        await using var services = Services(zoom: null);

        var result = await services.GetRequiredService<MeetingCatalogSync>().SyncAllAsync(CancellationToken.None);

        Assert.Equal(MeetingSyncOutcome.ZoomNotConnected, result.Outcome);
    }

    [Fact]
    public async Task Open_pages_hear_about_a_sync_that_changed_meetings()
    {
        var heard = new List<MeetingCatalogChange>();
        using var subscription = _services.GetRequiredService<MeetingCatalogNotifier>().Subscribe(change =>
        {
            heard.Add(change);
            return Task.CompletedTask;
        });

        await Sync.SyncAllAsync(CancellationToken.None);
        await Sync.SyncAllAsync(CancellationToken.None);

        Assert.Equal([81234567890L, 81234567891L], Assert.Single(heard).MeetingIds.Order());
    }

    private async Task<DateTime?> RemovedAtAsync(long id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Meetings.Where(m => m.Id == id).Select(m => m.RemovedUtc).SingleAsync();
    }

    private ServiceProvider Services(FakeZoomApi? zoom)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IDbContextFactory<PortalDbContext>>(_database);
        services.AddSingleton<IDataProtectionProvider>(_protection);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<MeetingCatalogNotifier>();
        services.AddSingleton<MeetingCatalogSync>();
        if (zoom is not null)
        {
            services.AddSingleton<IZoomApi>(zoom);
        }

        return services.BuildServiceProvider();
    }
}
