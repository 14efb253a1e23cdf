using System.Diagnostics;
using Microsoft.Playwright;

namespace ZoomPortal.Load;

/// <summary>
/// N attendees on a live sandbox meeting's join page click "Join meeting" spread evenly over T seconds.
/// Measures click → the stand-in SDK's meeting view (Zoom let them in), errors, and the portal's CPU per join.
/// </summary>
internal static class JoinStormScenario
{
    private const string InMeetingHeading = "Sandbox meeting — simulated, not Zoom";

    public static async Task<int> RunAsync(LoadArgs args)
    {
        await using var portal = await PortalProcess.StartAsync(args.AppDll, args.Port, new Dictionary<string, string>
        {
            // A storm from one test machine: every user would otherwise share one signature budget per name only.
            ["Join:SignaturesPerUserPerMinute"] = "1000",
        }, TimeSpan.FromMinutes(3));
        if (args.Client == "circuit")
        {
            return await RunCircuitsAsync(args, portal);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        string joinPath;
        await using (var scout = await Browsers.SignInAsync(browser, portal.BaseUrl, "Scout", "Attendee", "/meetings"))
        {
            var join = scout.Page.GetByTestId("section-live").Locator("a[href$='/join']").First;
            await join.WaitForAsync();
            joinPath = await join.GetAttributeAsync("href") ?? throw new InvalidOperationException("No live meeting in the sandbox.");
        }

        var users = new List<LoadUser>();
        try
        {
            var opened = await Stats.ForEachAsync(args.Users, args.Parallel, async i =>
            {
                try
                {
                    var user = await Browsers.SignInAsync(browser, portal.BaseUrl, $"Storm User {i:D4}", "Attendee", joinPath);
                    await user.Page.GetByRole(AriaRole.Button, new() { Name = "Join meeting", Exact = true }).WaitForAsync(new() { Timeout = 120_000 });
                    return user;
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    Console.Error.WriteLine($"  user {i} could not reach the join page: {ex.Message.Split('\n')[0]}");
                    return null;
                }
            });
            users.AddRange(opened.OfType<LoadUser>());
            Console.WriteLine($"join-storm: {users.Count} of {args.Users} attendees on {joinPath}; storm over {args.Window.TotalSeconds:N0} s");

            var cpuBefore = portal.CpuTime();
            var clock = Stopwatch.StartNew();
            var spacing = users.Count > 1 ? args.Window / (users.Count - 1) : TimeSpan.Zero;
            var results = await Task.WhenAll(users.Select(async (user, i) =>
            {
                var at = spacing * i;
                var wait = at - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var click = Stopwatch.StartNew();
                try
                {
                    var button = user.Page.GetByRole(AriaRole.Button, new() { Name = "Join meeting", Exact = true });
                    await button.ClickAsync(new() { Timeout = 60_000 });
                    await user.Page.GetByRole(AriaRole.Heading, new() { Name = InMeetingHeading, Exact = true })
                        .WaitForAsync(new() { Timeout = (float)args.JoinTimeout.TotalMilliseconds });
                    return (Ok: true, Ms: click.Elapsed.TotalMilliseconds);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    Console.Error.WriteLine($"  user {i}: {ex.Message.Split('\n')[0]}");
                    return (Ok: false, Ms: click.Elapsed.TotalMilliseconds);
                }
            }));
            var elapsed = clock.Elapsed;
            var cpu = portal.CpuTime() - cpuBefore;
            var ok = results.Where(r => r.Ok).Select(r => r.Ms).Order().ToList();
            var failed = results.Length - ok.Count;
            Console.WriteLine($"join-storm: N={results.Length} window={args.Window.TotalSeconds:N0}s joined={ok.Count} errors={failed} elapsed={elapsed.TotalSeconds:N1}s throughput={ok.Count / elapsed.TotalSeconds:N1}/s");
            Console.WriteLine($"  click -> in the meeting: p50 {Stats.Ms(Stats.Percentile(ok, 50))}, p95 {Stats.Ms(Stats.Percentile(ok, 95))}, p99 {Stats.Ms(Stats.Percentile(ok, 99))}, max {Stats.Ms(ok.Count > 0 ? ok[^1] : double.NaN)}");
            Console.WriteLine($"  server CPU during the storm: {cpu.TotalSeconds:N2} s, per join {Stats.Ms(cpu.TotalMilliseconds / Math.Max(ok.Count, 1))}; RSS {Stats.Mb(portal.ResidentBytes())}");
            return failed == 0 && users.Count == args.Users ? 0 : 1;
        }
        finally
        {
            foreach (var user in users)
            {
                await user.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The storm with the lightweight circuit client: every attendee holds the join page's circuit (and the
    /// attendance hub connection the page opens), then submits the join form; "in the meeting" is the moment the
    /// portal answered the successful attempt report, after the signature and the sandbox's web join.
    /// </summary>
    private static async Task<int> RunCircuitsAsync(LoadArgs args, PortalProcess portal)
    {
        var joinPath = await CircuitsScenario.ResolvePathAsync(portal.BaseUrl, "join");

        // Warm-up, not counted: JIT and the first measurement of Zoom's clock, as in a portal that has been running.
        await using (var warm = await CircuitUser.OpenAsync(portal.BaseUrl, "Warm Up", "Attendee", joinPath, attendance: true, TimeSpan.FromMinutes(2)))
        {
            var took = await warm.JoinAsync(args.JoinTimeout);
            Console.WriteLine($"join-storm: warm-up join took {Stats.Ms(took.TotalMilliseconds)}{(warm.LastError is { } e ? $" ({e})" : string.Empty)}");
        }

        var users = new List<CircuitUser>();
        try
        {
            var openClock = Stopwatch.StartNew();
            var opened = await Stats.ForEachAsync(args.Users, args.Parallel, async i =>
            {
                try
                {
                    return await CircuitUser.OpenAsync(portal.BaseUrl, $"Storm User {i:D4}", "Attendee", joinPath, attendance: true, TimeSpan.FromMinutes(2));
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException or TimeoutException or AggregateException)
                {
                    Console.Error.WriteLine($"  user {i} could not reach the join page: {ex.Message.Split('\n')[0]}");
                    return null;
                }
            });
            users.AddRange(opened.OfType<CircuitUser>());
            Console.WriteLine($"join-storm: client=circuit {users.Count} of {args.Users} attendees on {joinPath} after {openClock.Elapsed.TotalSeconds:N0} s; storm over {args.Window.TotalSeconds:N0} s; load {Stats.LoadAverage()}");
            await Task.Delay(TimeSpan.FromSeconds(5));

            var cpuBefore = portal.CpuTime();
            var clock = Stopwatch.StartNew();
            var spacing = users.Count > 1 ? args.Window / (users.Count - 1) : TimeSpan.Zero;
            var late = 0;
            var results = await Task.WhenAll(users.Select(async (user, i) =>
            {
                var wait = (spacing * i) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                else if (wait < TimeSpan.FromMilliseconds(-100))
                {
                    Interlocked.Increment(ref late);
                }

                try
                {
                    var took = await user.JoinAsync(args.JoinTimeout);
                    return (Ok: user.LastError is null, Ms: took.TotalMilliseconds, Error: user.LastError);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
                {
                    return (Ok: false, Ms: double.NaN, Error: (string?)ex.Message);
                }
            }));
            var elapsed = clock.Elapsed;
            var cpu = portal.CpuTime() - cpuBefore;
            var ok = results.Where(r => r.Ok).Select(r => r.Ms).Order().ToList();
            var failed = results.Length - ok.Count;
            foreach (var error in results.Where(r => !r.Ok).GroupBy(r => r.Error).Take(5))
            {
                Console.Error.WriteLine($"  {error.Count()} x {error.Key}");
            }

            Console.WriteLine($"join-storm: client=circuit N={results.Length} window={args.Window.TotalSeconds:N0}s joined={ok.Count} errors={failed} elapsed={elapsed.TotalSeconds:N1}s throughput={ok.Count / elapsed.TotalSeconds:N1}/s clicks-late={late} load={Stats.LoadAverage()}");
            Console.WriteLine($"  click -> in the meeting: p50 {Stats.Ms(Stats.Percentile(ok, 50))}, p95 {Stats.Ms(Stats.Percentile(ok, 95))}, p99 {Stats.Ms(Stats.Percentile(ok, 99))}, max {Stats.Ms(ok.Count > 0 ? ok[^1] : double.NaN)}");
            Console.WriteLine($"  server CPU during the storm: {cpu.TotalSeconds:N2} s, per join {Stats.Ms(cpu.TotalMilliseconds / Math.Max(ok.Count, 1))}; RSS {Stats.Mb(portal.ResidentBytes())}");
            return failed == 0 && users.Count == args.Users ? 0 : 1;
        }
        finally
        {
            await Task.WhenAll(users.Select(u => u.DisposeAsync().AsTask()));
        }
    }
}
