using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace ZoomPortal.Load;

/// <summary>
/// Roster fan-out: N attendees join the sandbox's live meeting through the join page (so the portal lets them report),
/// the meeting's host joins too; then R attendance events per second for T seconds are reported through the attendance
/// hub, as the join page's reporter does (a queue per page, one report in flight, a refusal to slow down waits 1 s and
/// resends): attendees report themselves, the host reports other participants its SDK sees. M rosters (admins) watch
/// the meeting's group. Measures event (queued on the page) → roster, throughput, loss against the database, errors,
/// and the server process's CPU, allocations and memory.
/// </summary>
internal static class FanOutScenario
{
    // The sandbox's "Weekly team sync", started 12 minutes before the portal starts, hosted by Alex Morgan.
    private const long MeetingId = 84512345671;
    private const string HostName = "Alex Morgan";
    private const string HostEmail = "alex.host@example.com";
    private const string HostTag = "fanout-host-";
    private const int PageQueueLimit = 500; // AttendanceReporter.razor.js MAX_QUEUE
    private const string TooManyEvents = "Too many attendance events: slow down and resend.";

    public static async Task<int> RunAsync(LoadArgs args)
    {
        await using var portal = await PortalProcess.StartAsync(args.AppDll, args.Port, new Dictionary<string, string>
        {
            ["Join:SignaturesPerUserPerMinute"] = "1000",
            // One page reports at most R/N events/s here; the default limit (20/s) is for a real page.
            ["Attendance:EventsPerSecond"] = "1000",
            ["Attendance:EventBurst"] = "10000",
        }, TimeSpan.FromMinutes(3));
        var joinPath = $"/meetings/{MeetingId}/join";
        Console.WriteLine($"fan-out: portal pid {portal.Id} on {portal.BaseUrl}; load {Stats.LoadAverage()}");

        var reporters = new List<Reporter>();
        var rosters = new List<HubConnection>();
        try
        {
            var openClock = Stopwatch.StartNew();
            var host = await JoinAsync(portal.BaseUrl, joinPath, HostName, "Host", HostEmail, args.JoinTimeout);
            if (host is not null)
            {
                reporters.Add(new Reporter(0, host, isHost: true, args.Batch));
            }

            var attendees = await Stats.ForEachAsync(args.Users, args.Parallel, i =>
                JoinAsync(portal.BaseUrl, joinPath, AttendeeName(i), "Attendee", string.Empty, args.JoinTimeout));
            foreach (var (user, i) in attendees.Select((u, i) => (u, i)).Where(a => a.u is not null))
            {
                reporters.Add(new Reporter(i + 1, user!, isHost: false, args.Batch));
            }

            Console.WriteLine($"fan-out: {reporters.Count} reporters joined ({(host is null ? "without" : "with")} the host, {reporters.Count(r => !r.IsHost)} of {args.Users} attendees) in {openClock.Elapsed.TotalSeconds:N0} s");
            if (reporters.Count == 0)
            {
                return 1;
            }

            // The joins' own "joined" reports are broadcast before the rosters watch.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var received = new Delivery[args.Rosters][];
            var rosterCookies = await CircuitUser.SignInCookiesAsync(portal.BaseUrl, "Fan Roster", "Admin", string.Empty, "/meetings");
            var perReporter = (int)Math.Ceiling((double)args.Rate * args.Window.TotalSeconds / reporters.Count) + 1;
            foreach (var reporter in reporters)
            {
                reporter.Queued = new long[perReporter];
            }

            var byName = reporters.ToDictionary(r => r.Name, StringComparer.Ordinal);
            var deliveries = new List<Delivery>[args.Rosters];
            for (var r = 0; r < args.Rosters; r++)
            {
                var list = deliveries[r] = [];
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(portal.BaseUrl, "hubs/attendance"), HttpTransportType.WebSockets, o => o.Headers["Cookie"] = rosterCookies)
                    .Build();
                connection.On<JsonElement>("RosterChanged", changes =>
                {
                    var at = Stopwatch.GetTimestamp();
                    lock (list)
                    {
                        foreach (var change in changes.EnumerateArray())
                        {
                            if (change.TryGetProperty("displayName", out var n) && n.GetString() is { } name)
                            {
                                list.Add(Match(byName, seen, name, at));
                            }
                        }
                    }
                });
                await connection.StartAsync();
                if (!await connection.InvokeAsync<bool>("WatchMeeting", MeetingId))
                {
                    throw new InvalidOperationException("The roster was refused (WatchMeeting answered false).");
                }

                rosters.Add(connection);
            }

            var total = (int)(args.Rate * args.Window.TotalSeconds);
            var cpuBefore = portal.CpuTime();
            var allocatedBefore = await portal.MetricAsync("dotnet_gc_heap_total_allocated_bytes_total");
            var loadBefore = Stats.LoadAverage();
            Console.WriteLine($"fan-out: {reporters.Count} reporters, {args.Rosters} rosters, {args.Rate}/s offered for {args.Window.TotalSeconds:N0} s ({total} events), batch {args.Batch}; load {loadBefore}");

            var trace = args.Trace ? portal.TraceAsync("fan-out", args.Window) : null;
            var clock = Stopwatch.StartNew();
            var senders = reporters.Select(r => Task.Run(() => r.SendAsync(MeetingId))).ToList();
            // One generator hands event s to reporter s mod N at s / R seconds: R/s in total, evenly spread.
            for (var s = 0; s < total; s++)
            {
                var due = TimeSpan.FromSeconds((double)s / args.Rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait);
                }

                reporters[s % reporters.Count].Enqueue();
            }

            var offeredSeconds = clock.Elapsed.TotalSeconds;
            foreach (var reporter in reporters)
            {
                reporter.Complete();
            }

            var all = Task.WhenAll(senders);
            var drained = await Task.WhenAny(all, Task.Delay(args.Drain)) == all;
            var sendSeconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(3));
            var cpu = portal.CpuTime() - cpuBefore;
            var allocated = await portal.MetricAsync("dotnet_gc_heap_total_allocated_bytes_total") - allocatedBefore;
            var workingSet = await portal.MetricAsync("dotnet_process_memory_working_set_bytes");
            var heap = await portal.MetricAsync("dotnet_gc_last_collection_heap_size_bytes");

            // Loss is judged against the database, the truth a roster resyncs from: every acknowledged event must be
            // stored once, and every stored event must have reached every roster.
            var stored = await StoredEventIdsAsync(portal.DatabasePath);
            if (trace is not null)
            {
                var file = await trace;
                var exclusive = await portal.ReportTraceAsync(file, 40, inclusive: false);
                var inclusive = await portal.ReportTraceAsync(file, 80, inclusive: true);
                await File.WriteAllTextAsync(file + ".txt", exclusive + Environment.NewLine + inclusive);
                Console.WriteLine($"  trace of the window (server only): {file} (+ .txt: top methods, exclusive then inclusive)");
            }

            var sent = reporters.SelectMany(r => r.Sent).ToList();
            var acked = reporters.SelectMany(r => r.Acked).ToHashSet();
            var storedOfRun = sent.Count(stored.Contains);
            var ackedMissing = acked.Count(id => !stored.Contains(id));
            var latencies = new List<double>();
            long delivered = 0, unmatched = 0;
            foreach (var list in deliveries)
            {
                lock (list)
                {
                    foreach (var d in list)
                    {
                        if (d.Ms is { } ms)
                        {
                            latencies.Add(ms);
                            delivered++;
                        }
                        else
                        {
                            unmatched++;
                        }
                    }
                }
            }

            latencies.Sort();
            var expected = (long)storedOfRun * args.Rosters;
            var refusals = reporters.Sum(r => r.Refusals);
            var errors = reporters.Sum(r => r.Errors);
            var dropped = reporters.Sum(r => r.Dropped);
            Console.WriteLine($"fan-out: offered {total} in {offeredSeconds:N1} s ({total / offeredSeconds:N0}/s); acknowledged {acked.Count} by {sendSeconds:N1} s{(drained ? string.Empty : $" (queues NOT drained within {args.Drain.TotalSeconds:N0} s)")}; throughput {acked.Count / sendSeconds:N0} events/s");
            Console.WriteLine($"  stored in the database: {storedOfRun} of {sent.Count} sent; acknowledged but not stored: {ackedMissing}; dropped by a full page queue: {dropped}; 'slow down' answers: {refusals}; errors: {errors}");
            Console.WriteLine($"  roster deliveries {delivered} of {expected} expected (stored x rosters), loss {(expected == 0 ? 0 : 100.0 * (expected - delivered) / expected):N2} %; unmatched {unmatched}");
            Console.WriteLine($"  event -> roster: p50 {Stats.Ms(Stats.Percentile(latencies, 50))}, p95 {Stats.Ms(Stats.Percentile(latencies, 95))}, p99 {Stats.Ms(Stats.Percentile(latencies, 99))}, max {Stats.Ms(latencies.Count > 0 ? latencies[^1] : double.NaN)}");
            Console.WriteLine($"  server: CPU {cpu.TotalSeconds:N2} s ({cpu.TotalMilliseconds / Math.Max(acked.Count, 1):N2} ms per acknowledged event), allocated {Stats.Mb(allocated ?? double.NaN)} ({(allocated ?? double.NaN) / Math.Max(acked.Count, 1) / 1024:N1} KB per event); working set {Stats.Mb(workingSet ?? double.NaN)}, managed heap {Stats.Mb(heap ?? double.NaN)}, RSS {Stats.Mb(portal.ResidentBytes())}");
            Console.WriteLine($"  load average {loadBefore} -> {Stats.LoadAverage()}");
            return ackedMissing == 0 && delivered == expected && errors == 0 && dropped == 0 && drained ? 0 : 1;
        }
        finally
        {
            foreach (var roster in rosters)
            {
                await roster.DisposeAsync();
            }

            await Task.WhenAll(reporters.Select(r => r.User.DisposeAsync().AsTask()));
        }
    }

    private static string AttendeeName(int i) => $"Fan Attendee {i:D4}";

    private static Delivery Match(Dictionary<string, Reporter> byName, Dictionary<string, int> seen, string name, long at)
    {
        // Attendees report themselves (the roster names them): their k-th change is their k-th event. The host's events
        // are about others, each named by its sequence number.
        if (name.StartsWith(HostTag, StringComparison.Ordinal) && byName.TryGetValue(HostName, out var host) &&
            int.TryParse(name.AsSpan(HostTag.Length), CultureInfo.InvariantCulture, out var k))
        {
            return new Delivery(Latency(host, k, at));
        }

        if (!byName.TryGetValue(name, out var reporter))
        {
            return new Delivery(null);
        }

        var index = seen.TryGetValue(name, out var n) ? n : 0;
        seen[name] = index + 1;
        return new Delivery(Latency(reporter, index, at));
    }

    private static double? Latency(Reporter reporter, int k, long at)
    {
        var queued = k < reporter.Queued.Length ? Volatile.Read(ref reporter.Queued[k]) : 0;
        return queued == 0 ? null : Stopwatch.GetElapsedTime(queued, at).TotalMilliseconds;
    }

    private static async Task<CircuitUser?> JoinAsync(Uri baseUrl, string joinPath, string name, string role, string email, TimeSpan timeout)
    {
        CircuitUser? user = null;
        try
        {
            user = await CircuitUser.OpenAsync(baseUrl, name, role, joinPath, attendance: true, TimeSpan.FromMinutes(2), email);
            await user.JoinAsync(timeout);
            // The join's own report ("joined") goes out after the join; wait for it so that it is not counted.
            for (var i = 0; i < 100 && user.AttendanceConnection?.State != HubConnectionState.Connected; i++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(500);
            if (user.LastError is { } error || user.AttendanceConnection is null)
            {
                throw new InvalidOperationException(user.LastError ?? "no attendance connection");
            }

            await user.CloseCircuitAsync();
            return user;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"  {name} could not join: {ex.Message.Split('\n')[0]}");
            if (user is not null)
            {
                await user.DisposeAsync();
            }

            return null;
        }
    }

    private static async Task<HashSet<Guid>> StoredEventIdsAsync(string databasePath)
    {
        var ids = new HashSet<Guid>();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT IdempotencyKey FROM AttendanceEvents WHERE IdempotencyKey LIKE 'sdk:%'";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // sdk:{reporter}:{event id:N}
            var key = reader.GetString(0);
            if (Guid.TryParseExact(key[(key.LastIndexOf(':') + 1)..], "N", out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private readonly record struct Delivery(double? Ms);

    /// <summary>One join page's reporter: a queue, one invocation in flight, "slow down" waits a second and resends.</summary>
    private sealed class Reporter(int index, CircuitUser user, bool isHost, int batchSize)
    {
        private readonly Channel<int> _queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        private int _next;
        private int _queued;

        public CircuitUser User => user;

        public bool IsHost => isHost;

        public string Name => isHost ? HostName : AttendeeName(index - 1);

        /// <summary>When each of this reporter's events was queued (Stopwatch ticks), by its number.</summary>
        public long[] Queued { get; set; } = [];

        public System.Collections.Concurrent.ConcurrentQueue<Guid> Sent { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<Guid> Acked { get; } = new();

        public int Refusals { get; private set; }

        public int Errors { get; private set; }

        public int Dropped { get; private set; }

        public void Enqueue()
        {
            if (Volatile.Read(ref _queued) >= PageQueueLimit)
            {
                Dropped++;
                return;
            }

            var k = _next++;
            Volatile.Write(ref Queued[k], Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _queued);
            _queue.Writer.TryWrite(k);
        }

        public void Complete() => _queue.Writer.TryComplete();

        public async Task SendAsync(long meetingId)
        {
            var hub = User.AttendanceConnection!;
            var batch = new List<object>();
            var ids = new List<Guid>();
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                ids.Clear();
                while (batch.Count < batchSize && _queue.Reader.TryRead(out var k))
                {
                    var id = Guid.NewGuid();
                    ids.Add(id);
                    batch.Add(Report(id, meetingId, k));
                }

                foreach (var id in ids)
                {
                    Sent.Enqueue(id);
                }

                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var acks = batchSize == 1
                            ? [await hub.InvokeAsync<JsonElement>("Report", batch[0])]
                            : (await hub.InvokeAsync<JsonElement>("ReportBatch", batch)).EnumerateArray().ToList();
                        var slow = false;
                        for (var i = 0; i < acks.Count; i++)
                        {
                            var refused = acks[i].TryGetProperty("refused", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                            if (refused == TooManyEvents)
                            {
                                slow = true;
                            }
                            else if (refused is null)
                            {
                                Acked.Enqueue(ids[i]);
                            }
                            else
                            {
                                Errors++;
                            }
                        }

                        if (!slow)
                        {
                            break;
                        }

                        Refusals++;
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && attempt < 5)
                    {
                        Errors++;
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }
                    catch (Exception)
                    {
                        Errors++;
                        break;
                    }
                }

                Interlocked.Add(ref _queued, -ids.Count);
            }
        }

        private object Report(Guid id, long meetingId, int k) => isHost
            ? new { eventId = id, meetingId, kind = "joined", reason = (string?)null, participant = new { self = false, zoomUserId = 1_000_000 + k, displayName = HostTag + k.ToString(CultureInfo.InvariantCulture) } }
            // An attendee in the meeting: left, joined, left, … (its k-th event, in the order the roster must see them).
            : new { eventId = id, meetingId, kind = k % 2 == 0 ? "left" : "joined", reason = (string?)null, participant = new { self = true } };
    }
}
