using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join.Attempts;

namespace ZoomPortal.E2E.Features.Attendance;

/// <summary>
/// Load harness, not a timed test: N reporting connections send R events/s in total through the attendance hub
/// (WebSockets, real Kestrel, SQLite) to M rosters watching the meeting's group; prints p50/p95/p99 event-to-roster
/// latency (client send → roster receive) and loss (acknowledged events a roster never got).
/// Run: <c>LOAD_REPORTERS=20 LOAD_RATE=500 LOAD_ROSTERS=10 LOAD_SECONDS=10 dotnet test tests/ZoomPortal.E2E
/// --filter "FullyQualifiedName~AttendanceLoadBenchmarks" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(AttendanceLoadPortal.Name)]
[Trait("Category", "Benchmark")]
public sealed partial class AttendanceLoadBenchmarks(AttendanceLoadPortalFixture portal, ITestOutputHelper output)
{
    private const long MeetingId = 84512345671;

    [Fact]
    public async Task Events_through_the_hub_to_rosters()
    {
        // The meeting's host reports participants (as a host's SDK does), each event named by its sequence number.
        await using (var db = portal.CreateDbContext())
        {
            db.JoinAttempts.Add(HostJoin());
            await db.SaveChangesAsync();
        }

        await RunAsync(portal.BaseUrl, portal.BaseUrl, output);
    }

    /// <summary>The join that lets the host (Alex Morgan) report for the meeting; add it to the database before <see cref="RunAsync"/>.</summary>
    internal static JoinAttempt HostJoin() => new()
    {
        JoinId = Guid.NewGuid(), SupportCode = "ZP-LOAD01", AttemptNumber = 1, StartedAt = DateTime.UtcNow,
        UserId = "dev-" + DevelopmentSignInForm.Slug("Alex Morgan"), MeetingId = MeetingId, Role = 1, Outcome = JoinAttemptOutcome.Succeeded,
    };

    /// <summary>
    /// Reporters connect to <paramref name="reportTo"/>, rosters to <paramref name="watchOn"/> (another instance when
    /// they differ); prints the figures. CPU and memory are the test process's, which hosts the portal(s) and the clients.
    /// </summary>
    internal static async Task RunAsync(Uri reportTo, Uri watchOn, ITestOutputHelper output)
    {
        var reporters = Setting("LOAD_REPORTERS", 20);
        var rate = Setting("LOAD_RATE", 500);
        var rosters = Setting("LOAD_ROSTERS", 10);
        var seconds = Setting("LOAD_SECONDS", 10);
        var cookies = await SignInAsync(reportTo, "Alex Morgan", "alex.host@example.com");
        var watcherCookies = watchOn == reportTo ? cookies : await SignInAsync(watchOn, "Alex Morgan", "alex.host@example.com");
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;

        var sent = new ConcurrentDictionary<int, long>();
        var received = new ConcurrentBag<(int Roster, int Seq, long At)>();
        var watchers = new List<HubConnection>();
        for (var r = 0; r < rosters; r++)
        {
            var roster = r;
            var connection = Connect(watchOn, watcherCookies);
            connection.On<RosterChange[]>(nameof(IAttendanceClient.RosterChanged), changes =>
            {
                var at = Stopwatch.GetTimestamp();
                foreach (var change in changes)
                {
                    if (change.DisplayName is { } name && name.StartsWith('e') && int.TryParse(name.AsSpan(1), CultureInfo.InvariantCulture, out var seq))
                    {
                        received.Add((roster, seq, at));
                    }
                }
            });
            await connection.StartAsync();
            Assert.True(await connection.InvokeAsync<bool>("WatchMeeting", MeetingId));
            watchers.Add(connection);
        }

        var senders = new List<HubConnection>();
        for (var i = 0; i < reporters; i++)
        {
            var connection = Connect(reportTo, cookies);
            await connection.StartAsync();
            senders.Add(connection);
        }

        var total = rate * seconds;
        var acked = 0;
        var refused = 0;
        var interval = TimeSpan.FromSeconds((double)reporters / rate);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(senders.Select((connection, index) => Task.Run(async () =>
        {
            var pending = new List<Task>();
            for (var seq = index; seq < total; seq += reporters)
            {
                var due = TimeSpan.FromTicks(interval.Ticks * (seq / reporters));
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var id = seq;
                sent[id] = Stopwatch.GetTimestamp();
                var report = new AttendanceReport(Guid.NewGuid(), MeetingId, "joined", null,
                    new ReportedParticipant(false, 1_000_000 + id, "e" + id.ToString(CultureInfo.InvariantCulture), null, null));
                // Invocations on one connection run one at a time on the server (MaximumParallelInvocationsPerClient = 1).
                pending.Add(connection.InvokeAsync<AttendanceAck>("Report", report).ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully && t.Result.Refused is null) Interlocked.Increment(ref acked);
                    else Interlocked.Increment(ref refused);
                }, TaskScheduler.Default));
            }

            await Task.WhenAll(pending);
        })));
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(3));

        var latencies = received.Select(r => Stopwatch.GetElapsedTime(sent[r.Seq], r.At).TotalMilliseconds).Order().ToList();
        var expected = (long)acked * rosters;
        output.WriteLine($"reporters={reporters} rosters={rosters} target={rate}/s for {seconds}s: sent {total} in {sendSeconds:0.0}s " +
            $"({total / sendSeconds:0}/s offered), acknowledged {acked}, refused/failed {refused}");
        output.WriteLine($"deliveries {received.Count} of {expected} expected (loss {(expected == 0 ? 0 : 100.0 * (expected - received.Count) / expected):0.00} %)");
        output.WriteLine($"event→roster latency ms: p50 {Percentile(latencies, 0.50):0.0}  p95 {Percentile(latencies, 0.95):0.0}  p99 {Percentile(latencies, 0.99):0.0}  max {(latencies.Count == 0 ? 0 : latencies[^1]):0.0}");
        process.Refresh();
        output.WriteLine($"throughput {acked / sendSeconds:0} acknowledged events/s; test process (portal(s) + clients): CPU {(process.TotalProcessorTime - cpuBefore).TotalSeconds:0.0} s, " +
            $"working set {process.WorkingSet64 / 1024 / 1024} MB, managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1024 / 1024} MB");

        foreach (var c in senders.Concat(watchers))
        {
            await c.DisposeAsync();
        }

        Assert.True(acked > 0, "No event was acknowledged.");
    }

    private static HubConnection Connect(Uri baseUrl, string cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, AttendanceHub.Path), o =>
            {
                o.Headers["Cookie"] = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();

    private static async Task<string> SignInAsync(Uri baseUrl, string name, string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl };
        var page = await client.GetStringAsync(new Uri("/authentication/dev-signin", UriKind.Relative));
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Name"] = name, ["Role"] = PortalRoles.Host, ["Email"] = email, ["Groups"] = string.Empty, ["ReturnUrl"] = "/meetings",
        });
        using var response = await client.PostAsync(new Uri("/authentication/dev-login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The sign-in cookie is Secure, which a cookie jar keeps back from http://127.0.0.1: send it by hand.
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>The portal for the load harness: the per-connection rate limit raised, as for a host of a huge meeting.</summary>
public sealed class AttendanceLoadPortalFixture : ZoomPortal.E2E.Infrastructure.PortalFixture
{
    protected override string Environment => "Development";

    public ZoomPortal.Data.PortalDbContext CreateDbContext() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ZoomPortal.Data.PortalDbContext>>(Server.Services).CreateDbContext();

    protected override Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
            ["Attendance:EventsPerSecond"] = "1000",
            ["Attendance:EventBurst"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        });

    protected override async Task OnStartedAsync(Uri baseUrl)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var db = CreateDbContext();
            if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Meetings, m => m.Id == 84512345671))
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AttendanceLoadPortal : ICollectionFixture<AttendanceLoadPortalFixture>
{
    public const string Name = "Attendance load portal";
}
