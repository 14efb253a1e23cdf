using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Attempts;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>
/// Two portal instances (A and B, real Kestrel on loopback) on one PostgreSQL database and a Redis server of their own,
/// behind a real nginx running deploy/nginx.conf. Every response says which instance answered (<see cref="InstanceHeader"/>),
/// so a test can place each browser on an instance through nginx's affinity cookie.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public const string InstanceHeader = "X-Test-Portal-Instance";
    public const string AffinityCookie = "zp_affinity";
    public const long WeeklyTeamSync = 84512345671;

    /// <summary>The instance that <see cref="RunAsProcessAsync"/> runs as a process of its own.</summary>
    public const string ProcessInstance = "A";

    private readonly Dictionary<string, PortalServer> _instances = [];
    private readonly Dictionary<string, int> _ports = [];
    private PortalProcess? _process;
    private string _database = string.Empty;
    private string _channelPrefix = string.Empty;

    internal RedisServer Redis { get; } = new();

    internal NginxProxy Nginx { get; } = new();

    public PortalServer A => _instances["A"];

    public PortalServer B => _instances["B"];

    /// <summary>How many times each fault test repeats its fault (<c>ZOOMPORTAL_FAULT_RUNS</c>, 1 by default as in CI).</summary>
    public static int FaultRuns =>
        int.TryParse(Environment.GetEnvironmentVariable("ZOOMPORTAL_FAULT_RUNS"), CultureInfo.InvariantCulture, out var runs) && runs > 0 ? runs : 1;

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ZOOMPORTAL_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("ZOOMPORTAL_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        _database = new NpgsqlConnectionStringBuilder(postgres) { Database = $"scaleout_{Guid.NewGuid():N}" }.ConnectionString;
        _channelPrefix = $"scaleout-{Guid.NewGuid():N}";
        await Redis.StartAsync();

        // A first: it migrates the database, makes the Data Protection key and fills the meeting catalog from its sandbox.
        await StartInstanceAsync("A");
        await WaitForCatalogAsync();
        await StartInstanceAsync("B");
        await Nginx.StartAsync(A.BaseUrl, B.BaseUrl);
    }

    /// <summary>Stops an instance as a crash would look to its browsers: their connections drop at once.</summary>
    public async Task KillAsync(string instance)
    {
        if (_instances.Remove(instance, out var server))
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Starts a killed instance again in this process on its old port (nginx's upstream address).</summary>
    public async Task RestartAsync(string instance)
    {
        if (instance == ProcessInstance && _process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        if (!_instances.ContainsKey(instance))
        {
            await StartInstanceAsync(instance);
        }
    }

    /// <summary>
    /// Replaces instance A by a process of its own on the same port (<c>dotnet ZoomPortal.dll</c> with A's configuration
    /// as environment variables), so that <see cref="KillProcessAsync"/> can kill it for real. Its responses carry no
    /// <see cref="InstanceHeader"/> (nothing of the tests runs inside it): an unmarked answer is A's.
    /// </summary>
    internal async Task<PortalProcess> RunAsProcessAsync()
    {
        await KillAsync(ProcessInstance);
        if (_process is null || _process.HasExited)
        {
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }

            // What PortalServer adds for every in-process instance: the Zoom sandbox, not Zoom's cloud.
            var settings = Settings(ProcessInstance);
            settings["Zoom:Mode"] = "Sandbox";
            settings["Zoom:Sandbox:AllowOutsideDevelopment"] = "true";
            settings["Zoom:Clock:MinRemeasureInterval"] = "00:00:01";
            _process = await PortalProcess.StartAsync("Development", settings, PortOf(ProcessInstance));
        }

        return _process;
    }

    /// <summary>SIGKILL to instance A's process (<see cref="RunAsProcessAsync"/>).</summary>
    internal Task KillProcessAsync() =>
        (_process ?? throw new InvalidOperationException("Instance A is not running as a process.")).KillAsync();

    /// <summary>A value of nginx's affinity cookie that sends a browser to <paramref name="instance"/>.</summary>
    /// <remarks>
    /// While nginx counts one instance as down (its fail_timeout after a restart or a fault test) every value goes to the
    /// other, so a value found then would send the browser elsewhere once both are up. A value is taken only from a round
    /// of probes that reached both instances: then each value lands where its hash says.
    /// </remarks>
    public async Task<string> AffinityForAsync(string instance)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Nginx.BaseUrl };
        for (var round = 0; round < 60; round++)
        {
            var answers = new Dictionary<string, string>();
            for (var i = 0; i < 40; i++)
            {
                var value = $"probe-{i}";
                using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
                request.Headers.Add("Cookie", $"{AffinityCookie}={value}");
                using var response = await client.SendAsync(request);
                if (response.Headers.TryGetValues(InstanceHeader, out var answered))
                {
                    answers[value] = answered.Single();
                }
                else if (response.IsSuccessStatusCode && _process is { HasExited: false })
                {
                    answers[value] = ProcessInstance;
                }
            }

            if (answers.ContainsValue("A") && answers.ContainsValue("B"))
            {
                return answers.First(a => a.Value == instance).Key;
            }

            await Task.Delay(1_000);
        }

        throw new InvalidOperationException($"nginx did not route to both instances for a minute, so no affinity value for {instance} can be trusted:\n{Nginx.Log}");
    }

    /// <summary>A browser page whose requests go through nginx to <paramref name="instance"/> (while it is up).</summary>
    public async Task<IPage> NewPageOnAsync(BrowserFixture browser, string instance)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(Nginx.BaseUrl);
        await page.Context.AddCookiesAsync([new Cookie { Name = AffinityCookie, Value = await AffinityForAsync(instance), Domain = "127.0.0.1", Path = "/" }]);
        return page;
    }

    /// <summary>Which instance answers this browser now (asked through nginx with the browser's cookies).</summary>
    public static async Task<string?> InstanceOfAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.Context.APIRequest.GetAsync("/healthz");
        // Only A's own process (RunAsProcessAsync) answers unmarked; nginx's own errors are not 2xx.
        return response.Headers.TryGetValue(InstanceHeader.ToLowerInvariant(), out var name) ? name : response.Ok ? ProcessInstance : null;
    }

    /// <summary>A context on the shared database, through whichever instance runs in this process (A may be killed).</summary>
    public PortalDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>The services of an instance running in this process (A's while it runs here, else B's).</summary>
    public IServiceProvider Services => (_instances.GetValueOrDefault("A") ?? _instances["B"]).Services;

    /// <summary>What the join page records when a user clicks Join: the hub then lets them report for that meeting.</summary>
    public async Task SeedJoinAsync(string userId, long meetingId, int role)
    {
        await using var db = CreateDbContext();
        db.JoinAttempts.Add(new JoinAttempt
        {
            JoinId = Guid.NewGuid(), SupportCode = "ZP-SCALE1", AttemptNumber = 1, StartedAt = DateTime.UtcNow, UserId = userId,
            MeetingId = meetingId, Role = role, Outcome = JoinAttemptOutcome.Succeeded,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A join attempt through the portal's own path on <paramref name="instance"/>, as the join page's server side makes
    /// it when a user clicks Join (start the join, then issue its signature, which records the attempt); its join id.
    /// Each call is a new user, so the per-user signature limit never refuses one.
    /// </summary>
    public async Task<Guid> RecordJoinAttemptAsync(string instance, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var join = _instances[instance].Services.GetRequiredService<JoinService>();
        var userId = "join-" + Guid.NewGuid().ToString("N");
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.UserId, userId), new Claim(PortalClaimTypes.Email, userId + "@example.com"), new Claim(PortalClaimTypes.Name, name)],
            "test", PortalClaimTypes.Name, PortalClaimTypes.Role));
        var session = await join.StartJoinAsync(user, WeeklyTeamSync, JoinKind.Join, null, CancellationToken.None)
            ?? throw new InvalidOperationException($"Instance {instance} did not let {name} start a join.");
        var result = await join.IssueSignatureAsync(user, session, 1, false, name, null, CancellationToken.None);
        return result.Ticket is not null ? session.JoinId : throw new InvalidOperationException($"Instance {instance} refused {name}'s join: {result.Problem}");
    }

    /// <summary>How many of these joins have their attempt in the database.</summary>
    public async Task<int> StoredJoinsAsync(IReadOnlyCollection<Guid> joinIds)
    {
        await using var db = CreateDbContext();
        return await db.JoinAttempts.Where(a => joinIds.Contains(a.JoinId)).Select(a => a.JoinId).Distinct().CountAsync();
    }

    public async Task DisposeAsync()
    {
        await Nginx.DisposeAsync();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        foreach (var server in _instances.Values)
        {
            await server.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }

    private Dictionary<string, string?> Settings(string instance) =>
        new()
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = _database,
            ["Redis:Configuration"] = Redis.Configuration,
            ["Redis:ChannelPrefix"] = _channelPrefix,
            // One catalog in one database: only A refreshes it from its sandbox.
            ["Meetings:BackgroundRefresh"] = instance == "A" ? "true" : "false",
            ["Logging:Console:LogLevel:Default"] = "Warning",
            // The fan-out harness's host reports a whole meeting's events on a few connections.
            ["Attendance:EventsPerSecond"] = "1000",
            ["Attendance:EventBurst"] = "10000",
            // A killed instance lets go of its browsers at once instead of waiting for them for 30 s.
            ["shutdownTimeoutSeconds"] = "1",
        };

    private async Task StartInstanceAsync(string instance)
    {
        var server = new PortalServer("Development", Settings(instance), services =>
            services.AddSingleton<IStartupFilter>(new InstanceNameFilter(instance)));
        server.Start(PortOf(instance));
        _instances[instance] = server;
        await Task.CompletedTask;
    }

    private int PortOf(string instance)
    {
        if (!_ports.TryGetValue(instance, out var port))
        {
            port = LocalPorts.Next();
            _ports[instance] = port;
        }

        return port;
    }

    private async Task WaitForCatalogAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            await using var db = CreateDbContext();
            if (await db.Meetings.AnyAsync(m => m.Id == WeeklyTeamSync))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("Instance A never filled the meeting catalog from its sandbox.");
    }

    private sealed class InstanceNameFilter(string instance) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.Headers[InstanceHeader] = instance;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutTests : ICollectionFixture<ScaleOutFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Two instances behind nginx";
}
