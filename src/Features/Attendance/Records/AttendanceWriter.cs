using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Attendance.Records;

/// <summary>
/// Stores reported attendance events in batches: reports wait in a bounded queue, one background loop takes up to
/// <see cref="AttendanceOptions.WriteBatchSize"/> of them (waiting at most <see cref="AttendanceOptions.WriteBatchDelay"/>
/// for more), stores them in one database write, answers each report after the commit, and then tells each meeting's
/// rosters once. A full queue answers <see cref="AttendanceWriteResult.Busy"/> at once (memory stays bounded); a failed
/// write fails its reports (the page resends), so no report is acknowledged that is not in the database. The events of
/// one <see cref="WriteManyAsync"/> (one hub invocation) stay together: queued or refused together, in one write, in order.
/// </summary>
public sealed partial class AttendanceWriter : IHostedService, IDisposable
{
    private readonly AttendanceRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger<AttendanceWriter> _logger;
    private readonly Channel<Pending> _queue;
    private readonly int _batchSize;
    private readonly int _capacity;
    private int _waiting;
    private readonly TimeSpan _batchDelay;
    private readonly CancellationTokenSource _abort = new();
    private Task _loop = Task.CompletedTask;

    public AttendanceWriter(AttendanceRecorder recorder, IOptions<AttendanceOptions> options, TimeProvider time, ILogger<AttendanceWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recorder = recorder;
        _time = time;
        _logger = logger;
        var settings = options.Value;
        _batchSize = settings.WriteBatchSize;
        _batchDelay = settings.WriteBatchDelay;
        _capacity = settings.WriteQueueCapacity;
        // Bounded by the number of events waiting (_waiting), not of queue entries: an entry may carry several.
        _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    }

    /// <summary>
    /// Queues an SDK event and completes once it is committed (<see cref="AttendanceWriteResult.Stored"/>) or found
    /// already stored (<see cref="AttendanceWriteResult.Duplicate"/>); <see cref="AttendanceWriteResult.Busy"/> at once
    /// when the queue is full or the writer is stopping. Throws when the write failed: nothing was acknowledged.
    /// </summary>
    public async Task<AttendanceWriteResult> WriteAsync(long meetingId, AttendanceEvent attendanceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendanceEvent);
        return (await WriteManyAsync([(meetingId, attendanceEvent)], cancellationToken))[0];
    }

    /// <summary>
    /// Queues several SDK events as one entry: they are stored in the same database write, in this order, and each gets
    /// its own answer once it is committed (<see cref="AttendanceWriteResult.Stored"/>, or
    /// <see cref="AttendanceWriteResult.Duplicate"/> for a resend). When the queue has no room for all of them, all are
    /// <see cref="AttendanceWriteResult.Busy"/> at once, so a page never finds a later event stored before an earlier one.
    /// Throws when the write failed: none of them was acknowledged.
    /// </summary>
    public async Task<AttendanceWriteResult[]> WriteManyAsync(IReadOnlyList<(long MeetingId, AttendanceEvent Event)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        var pending = new Pending(events);
        if (Interlocked.Add(ref _waiting, events.Count) > _capacity || !_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _waiting, -events.Count);
            return Enumerable.Repeat(AttendanceWriteResult.Busy, events.Count).ToArray();
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more reports and stores those queued; when the host's shutdown timeout ends first, the rest fail.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
            await _loop;
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task RunAsync(CancellationToken abort)
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_batchSize);
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                await FillAsync(reader, batch, abort);
                await WriteBatchAsync(batch, abort);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            var cancelled = new OperationCanceledException("The portal stopped before the event was stored.");
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(cancelled);
            }

            while (reader.TryRead(out var left))
            {
                left.Done.TrySetException(cancelled);
            }
        }
    }

    // Takes entries until the batch holds _batchSize events; the last entry may carry it a little past that.
    private async Task FillAsync(ChannelReader<Pending> reader, List<Pending> batch, CancellationToken abort)
    {
        var events = 0;
        while (events < _batchSize && reader.TryRead(out var item))
        {
            batch.Add(item);
            events += Taken(item);
        }

        if (events >= _batchSize || _batchDelay <= TimeSpan.Zero)
        {
            return;
        }

        using var window = new CancellationTokenSource(_batchDelay, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, abort);
        try
        {
            while (events < _batchSize && await reader.WaitToReadAsync(linked.Token))
            {
                while (events < _batchSize && reader.TryRead(out var item))
                {
                    batch.Add(item);
                    events += Taken(item);
                }
            }
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            // The window closed: write what came.
        }
    }

    private int Taken(Pending item)
    {
        Interlocked.Add(ref _waiting, -item.Events.Count);
        return item.Events.Count;
    }

    private async Task WriteBatchAsync(List<Pending> batch, CancellationToken abort)
    {
        // One row per event id: a resend queued beside its original gets the original's answer.
        var all = batch.SelectMany(p => p.Events.Select((e, i) => (Pending: p, Index: i, e.MeetingId, e.Event))).ToList();
        var byKey = all.GroupBy(p => p.Event.IdempotencyKey, StringComparer.Ordinal).ToList();
        var firsts = byKey.Select(g => (g.First().MeetingId, g.First().Event)).ToList();
        var stored = new bool[byKey.Count];
        try
        {
            stored = await _recorder.StoreBatchAsync(firsts, abort);
            for (var i = 0; i < byKey.Count; i++)
            {
                Complete(byKey[i], stored[i]);
            }
        }
        catch (DbUpdateException e)
        {
            // The unique index has the last word: another instance stored one of these meanwhile (or one row is bad).
            // Row by row, each report gets its own answer and one conflict does not fail the others.
            LogBatchRefused(_logger, all.Count, e.GetType().Name);
            for (var i = 0; i < byKey.Count; i++)
            {
                try
                {
                    stored[i] = await _recorder.StoreAsync(firsts[i].MeetingId, null, firsts[i].Event, abort);
                    Complete(byKey[i], stored[i]);
                }
                catch (Exception rowError) when (rowError is not OperationCanceledException || !abort.IsCancellationRequested)
                {
                    stored[i] = false;
                    foreach (var item in byKey[i])
                    {
                        item.Pending.Done.TrySetException(rowError);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            LogBatchFailed(_logger, all.Count, e.GetType().Name);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(e);
            }

            return;
        }

        // Committed and answered; now the hints, one message per meeting.
        foreach (var meeting in firsts.Where((_, i) => stored[i]).GroupBy(f => f.MeetingId))
        {
            await _recorder.NotifyAsync(meeting.Key, meeting.Select(m => m.Event).ToList());
        }
    }

    private static void Complete(IEnumerable<(Pending Pending, int Index, long MeetingId, AttendanceEvent Event)> sameEvent, bool storedNow)
    {
        var first = true;
        foreach (var (pending, index, _, _) in sameEvent)
        {
            pending.Answer(index, first && storedNow ? AttendanceWriteResult.Stored : AttendanceWriteResult.Duplicate);
            first = false;
        }
    }

    /// <summary>One queue entry: the events of one call, answered together once each has its answer.</summary>
    private sealed class Pending(IReadOnlyList<(long MeetingId, AttendanceEvent Event)> events)
    {
        private readonly AttendanceWriteResult[] _results = new AttendanceWriteResult[events.Count];
        private int _answered;

        public IReadOnlyList<(long MeetingId, AttendanceEvent Event)> Events => events;

        public TaskCompletionSource<AttendanceWriteResult[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer(int index, AttendanceWriteResult result)
        {
            _results[index] = result;
            if (++_answered == _results.Length)
            {
                Done.TrySetResult(_results);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} attendance event(s) was refused by the database ({Error}); storing them one by one")]
    private static partial void LogBatchRefused(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} attendance event(s) could not be stored ({Error}); the reports are refused and will be resent")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);
}
