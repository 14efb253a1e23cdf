using System.Data.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Features.Attendance.Records;

namespace ZoomPortal.Tests.Features.Attendance.Records;

public sealed class AttendanceWriterTests : IAsyncLifetime, IDisposable
{
    private const long MeetingId = 84512345671;
    private readonly WriterDatabase _db = new();
    private readonly RecordingHub _hub = new();

    public Task InitializeAsync() => _db.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Five_hundred_queued_events_are_stored_in_one_write_and_announced_in_one_message()
    {
        using var writer = Writer(batchSize: 500);
        var writes = Enumerable.Range(0, 500).Select(i => writer.WriteAsync(MeetingId, Event($"e{i}"), CancellationToken.None)).ToList();

        await writer.StartAsync(CancellationToken.None);
        var results = await Task.WhenAll(writes);
        await writer.StopAsync(CancellationToken.None);

        Assert.All(results, r => Assert.Equal(AttendanceWriteResult.Stored, r));
        Assert.Equal(500, await _db.CountEventsAsync());
        Assert.Equal([500], _db.EventSaves);
        var message = Assert.Single(_hub.Messages);
        Assert.Equal(AttendanceHub.RosterGroup(MeetingId), message.Group);
        Assert.Equal(500, message.Changes.Count);
    }

    [Fact]
    public async Task A_resend_in_the_same_batch_or_a_later_one_is_stored_once_and_answered_as_a_duplicate()
    {
        using var writer = Writer(batchSize: 100);
        var first = writer.WriteAsync(MeetingId, Event("same"), CancellationToken.None);
        var other = writer.WriteAsync(MeetingId, Event("other"), CancellationToken.None);
        var resent = writer.WriteAsync(MeetingId, Event("same"), CancellationToken.None);

        await writer.StartAsync(CancellationToken.None);
        var answers = await Task.WhenAll(first, other, resent);
        var later = await writer.WriteAsync(MeetingId, Event("same"), CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([AttendanceWriteResult.Stored, AttendanceWriteResult.Stored, AttendanceWriteResult.Duplicate], answers);
        Assert.Equal(AttendanceWriteResult.Duplicate, later);
        Assert.Equal(["sdk:test:other", "sdk:test:same"], (await _db.KeysAsync()).Order());
        Assert.Equal(2, Assert.Single(_hub.Messages).Changes.Count);
    }

    [Fact]
    public async Task An_event_another_instance_stored_during_the_batch_is_a_duplicate_and_the_rest_of_the_batch_is_stored()
    {
        // Between the writer's lookup and its insert another instance commits one of the batch's events: the unique
        // index refuses the whole batch, and row by row each report gets its own answer.
        _db.BeforeEventSave = async () => await _db.InsertElsewhereAsync(Event("raced"));
        using var writer = Writer(batchSize: 100);
        var raced = writer.WriteAsync(MeetingId, Event("raced"), CancellationToken.None);
        var mine = writer.WriteAsync(MeetingId, Event("mine"), CancellationToken.None);

        await writer.StartAsync(CancellationToken.None);
        var answers = await Task.WhenAll(raced, mine);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([AttendanceWriteResult.Duplicate, AttendanceWriteResult.Stored], answers);
        Assert.Equal(["sdk:test:mine", "sdk:test:raced"], (await _db.KeysAsync()).Order());
        var message = Assert.Single(_hub.Messages);
        Assert.Equal("mine", Assert.Single(message.Changes).DisplayName);
    }

    [Fact]
    public async Task A_report_is_answered_only_after_its_write_is_committed()
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _db.AfterEventSave = async () =>
        {
            committed.TrySetResult();
            await release.Task;
        };
        using var writer = Writer(batchSize: 10);
        await writer.StartAsync(CancellationToken.None);

        var write = writer.WriteAsync(MeetingId, Event("e1"), CancellationToken.None);
        await committed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.False(write.IsCompleted, "The report was answered before its write returned.");

        release.SetResult();
        Assert.Equal(AttendanceWriteResult.Stored, await write.WaitAsync(TimeSpan.FromSeconds(10)));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_write_fails_every_report_of_the_batch_and_nothing_is_acknowledged_or_announced()
    {
        _db.BeforeEventSave = () => throw new InvalidOperationException("The database went away.");
        using var writer = Writer(batchSize: 10);
        var writes = Enumerable.Range(0, 3).Select(i => writer.WriteAsync(MeetingId, Event($"e{i}"), CancellationToken.None)).ToList();

        await writer.StartAsync(CancellationToken.None);
        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => write);
        }

        // The writer carries on: the resend of the same event is stored once the database is back.
        _db.BeforeEventSave = null;
        Assert.Equal(AttendanceWriteResult.Stored, await writer.WriteAsync(MeetingId, Event("e0"), CancellationToken.None));
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(["sdk:test:e0"], await _db.KeysAsync());
        Assert.Equal("e0", Assert.Single(_hub.Messages.SelectMany(m => m.Changes)).DisplayName);
    }

    [Fact]
    public async Task Stopping_stores_everything_queued_and_then_refuses_new_reports()
    {
        using var writer = Writer(batchSize: 7);
        var writes = Enumerable.Range(0, 50).Select(i => writer.WriteAsync(MeetingId, Event($"e{i}"), CancellationToken.None)).ToList();

        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        Assert.All(writes, w => Assert.Equal(AttendanceWriteResult.Stored, w.IsCompletedSuccessfully ? w.Result : (AttendanceWriteResult?)null));
        Assert.Equal(50, await _db.CountEventsAsync());
        Assert.Equal(AttendanceWriteResult.Busy, await writer.WriteAsync(MeetingId, Event("late"), CancellationToken.None));
    }

    [Fact]
    public async Task A_full_queue_says_busy_at_once_instead_of_growing()
    {
        using var writer = Writer(batchSize: 10, capacity: 3);
        var queued = Enumerable.Range(0, 3).Select(i => writer.WriteAsync(MeetingId, Event($"e{i}"), CancellationToken.None)).ToList();

        var overflow = await writer.WriteAsync(MeetingId, Event("e3"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AttendanceWriteResult.Busy, overflow);
        await writer.StartAsync(CancellationToken.None);
        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(AttendanceWriteResult.Stored, r));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_events_of_one_call_are_written_together_in_order_even_past_the_batch_size_and_answered_each()
    {
        using var writer = Writer(batchSize: 2);
        var many = writer.WriteManyAsync([(MeetingId, Event("a")), (MeetingId, Event("b")), (MeetingId, Event("c"))], CancellationToken.None);
        var resend = writer.WriteManyAsync([(MeetingId, Event("d")), (MeetingId, Event("b"))], CancellationToken.None);

        await writer.StartAsync(CancellationToken.None);
        var answers = await many;
        var resent = await resend;
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([AttendanceWriteResult.Stored, AttendanceWriteResult.Stored, AttendanceWriteResult.Stored], answers);
        Assert.Equal([AttendanceWriteResult.Stored, AttendanceWriteResult.Duplicate], resent);
        // Three events in one write although a batch holds two: a call is never split across writes.
        Assert.Equal(3, _db.EventSaves[0]);
        Assert.Equal(["a", "b", "c", "d"], _hub.Messages.SelectMany(m => m.Changes).Select(c => c.DisplayName));
    }

    [Fact]
    public async Task A_call_that_does_not_fit_in_the_queue_is_refused_whole()
    {
        using var writer = Writer(batchSize: 10, capacity: 3);
        var queued = Enumerable.Range(0, 2).Select(i => writer.WriteAsync(MeetingId, Event($"e{i}"), CancellationToken.None)).ToList();

        var overflow = await writer.WriteManyAsync([(MeetingId, Event("x")), (MeetingId, Event("y"))], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([AttendanceWriteResult.Busy, AttendanceWriteResult.Busy], overflow);
        await writer.StartAsync(CancellationToken.None);
        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(AttendanceWriteResult.Stored, r));
        Assert.Equal(AttendanceWriteResult.Stored, await writer.WriteAsync(MeetingId, Event("x"), CancellationToken.None));
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(["sdk:test:e0", "sdk:test:e1", "sdk:test:x"], (await _db.KeysAsync()).Order());
    }

    [Theory]
    [InlineData("WriteBatchSize", "0", "Attendance:WriteBatchSize")]
    [InlineData("WriteBatchDelay", "00:00:05", "Attendance:WriteBatchDelay")]
    [InlineData("WriteQueueCapacity", "0", "Attendance:WriteQueueCapacity")]
    public async Task A_wrong_writer_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        await using var app = new ZoomPortal.Tests.Infrastructure.PortalAppFactory(settings: new Dictionary<string, string?> { ["Attendance:" + key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private AttendanceWriter Writer(int batchSize, int capacity = 10_000)
    {
        var options = Options.Create(new AttendanceOptions { WriteBatchSize = batchSize, WriteBatchDelay = TimeSpan.Zero, WriteQueueCapacity = capacity });
        var recorder = new AttendanceRecorder(_db, _hub, TimeProvider.System, NullLogger<AttendanceRecorder>.Instance);
        return new AttendanceWriter(recorder, options, TimeProvider.System, NullLogger<AttendanceWriter>.Instance);
    }

    private static AttendanceEvent Event(string id) => new()
    {
        IdempotencyKey = "sdk:test:" + id, Source = AttendanceSource.Sdk, Kind = AttendanceEventKind.Joined,
        OccurredAt = DateTime.UtcNow, ReportedBy = "dev-alex", DisplayName = id,
    };

    /// <summary>A SQLite file (each context its own connection, as on a server), migrated, with hooks around event writes.</summary>
    private sealed class WriterDatabase : IDbContextFactory<PortalDbContext>, IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"writer-{Guid.NewGuid():N}.db");
        private readonly DbContextOptions<SqlitePortalDbContext> _options;

        public WriterDatabase()
        {
            _options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite($"Data Source={_path};Pooling=False")
                .AddInterceptors(new EventSaveHooks(this))
                .Options;
        }

        /// <summary>Number of attendance events in each SaveChanges that inserted some.</summary>
        public List<int> EventSaves { get; } = [];

        public Func<Task>? BeforeEventSave { get; set; }

        public Func<Task>? AfterEventSave { get; set; }

        public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(_options);

        public async Task MigrateAsync()
        {
            await using var db = CreateDbContext();
            await db.Database.MigrateAsync();
        }

        public async Task<int> CountEventsAsync()
        {
            await using var db = CreateDbContext();
            return await db.AttendanceEvents.CountAsync();
        }

        public async Task<List<string>> KeysAsync()
        {
            await using var db = CreateDbContext();
            return await db.AttendanceEvents.Select(e => e.IdempotencyKey).ToListAsync();
        }

        /// <summary>What another instance does: its own connection, its own commit, no hooks.</summary>
        public async Task InsertElsewhereAsync(AttendanceEvent e)
        {
            await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
            await connection.OpenAsync();
            await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connection).Options);
            e.SessionId = await db.AttendanceSessions.Select(s => s.Id).FirstAsync();
            e.ReceivedAt = DateTime.UtcNow;
            db.AttendanceEvents.Add(e);
            await db.SaveChangesAsync();
        }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_path);
        }

        private sealed class EventSaveHooks(WriterDatabase db) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                var events = eventData.Context!.ChangeTracker.Entries<AttendanceEvent>().Count(e => e.State == EntityState.Added);
                if (events > 0)
                {
                    lock (db.EventSaves)
                    {
                        db.EventSaves.Add(events);
                    }

                    if (db.BeforeEventSave is { } before)
                    {
                        db.BeforeEventSave = null;
                        await before();
                    }
                }

                return result;
            }

            public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
            {
                if (db.AfterEventSave is { } after && eventData.Context!.ChangeTracker.Entries<AttendanceEvent>().Any())
                {
                    db.AfterEventSave = null;
                    await after();
                }

                return result;
            }
        }
    }

    /// <summary>The hub context the recorder broadcasts through: records each group message.</summary>
    private sealed class RecordingHub : IHubContext<AttendanceHub, IAttendanceClient>
    {
        public List<(string Group, IReadOnlyList<RosterChange> Changes)> Messages { get; } = [];

        public IHubClients<IAttendanceClient> Clients => new GroupClients(this);

        public IGroupManager Groups => throw new NotSupportedException();

        private sealed class GroupClients(RecordingHub hub) : IHubClients<IAttendanceClient>
        {
            public IAttendanceClient All => throw new NotSupportedException();

            public IAttendanceClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IAttendanceClient Client(string connectionId) => throw new NotSupportedException();

            public IAttendanceClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

            public IAttendanceClient Group(string groupName) => new GroupClient(hub, groupName);

            public IAttendanceClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IAttendanceClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

            public IAttendanceClient User(string userId) => throw new NotSupportedException();

            public IAttendanceClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }

        private sealed class GroupClient(RecordingHub hub, string group) : IAttendanceClient
        {
            public Task RosterChanged(IReadOnlyList<RosterChange> changes)
            {
                lock (hub.Messages)
                {
                    hub.Messages.Add((group, changes));
                }

                return Task.CompletedTask;
            }

            public Task MeetingStarted(long meetingId) => Task.CompletedTask;
        }
    }
}
