using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ZoomPortal.Load;

/// <summary>
/// N signed-in users idle on one page (the meetings page or a live meeting's join page). Measures the portal's
/// managed heap after a forced GC and its RSS before and after, per user, and counts the Blazor circuits they opened.
/// <c>--client circuit</c> (default): the lightweight circuit client (<see cref="CircuitUser"/>), which reaches
/// 1,000 users on a 2-core machine; <c>--client browser</c>: one headless Chromium context per user.
/// <c>--checkpoints 100,500,1000</c> measures at each N on the way up to <c>--users</c>, in one portal process.
/// </summary>
internal static partial class CircuitsScenario
{
    public static async Task<int> RunAsync(LoadArgs args)
    {
        await using var portal = await PortalProcess.StartAsync(args.AppDll, args.Port, new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        return args.Client == "browser" ? await RunBrowsersAsync(args, portal) : await RunCircuitsAsync(args, portal);
    }

    private static async Task<int> RunCircuitsAsync(LoadArgs args, PortalProcess portal)
    {
        var path = await ResolvePathAsync(portal.BaseUrl, args.Page);
        var attendance = path.EndsWith("/join", StringComparison.Ordinal);

        // Warm-up: JIT, the catalog's first sync, the first circuit, so the baseline is the steady state without users.
        await using (await CircuitUser.OpenAsync(portal.BaseUrl, "Warm Up", "Attendee", path, attendance, TimeSpan.FromMinutes(2)))
        {
            await Task.Delay(2000);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var heapBefore = await portal.CollectHeapAsync("before");
        var rssBefore = portal.ResidentBytes();
        var circuitsBefore = await portal.ActiveCircuitsAsync();
        Console.WriteLine($"circuits: client=circuit page {path}, baseline heap {Stats.Mb(heapBefore.TotalBytes)}, RSS {Stats.Mb(rssBefore)}, active circuits {circuitsBefore}, load {Stats.LoadAverage()}");

        var users = new List<CircuitUser>();
        var errors = 0;
        var deadline = DateTime.UtcNow + args.Duration;
        var failed = false;
        try
        {
            foreach (var checkpoint in args.Checkpoints)
            {
                var from = users.Count;
                var cpuBefore = portal.CpuTime();
                var clock = Stopwatch.StartNew();
                var opened = await Stats.ForEachAsync(checkpoint - from, args.Parallel, async k =>
                {
                    var i = from + k;
                    if (DateTime.UtcNow > deadline)
                    {
                        return null;
                    }

                    try
                    {
                        return await CircuitUser.OpenAsync(portal.BaseUrl, $"Load User {i:D4}", "Attendee", path, attendance, TimeSpan.FromMinutes(2));
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException or TimeoutException or AggregateException)
                    {
                        if (Interlocked.Increment(ref errors) <= 10)
                        {
                            Console.Error.WriteLine($"  user {i}: {ex.Message.Split('\n')[0]}");
                        }

                        return null;
                    }
                });
                users.AddRange(opened.OfType<CircuitUser>());
                var openSeconds = clock.Elapsed.TotalSeconds;
                var openCpu = portal.CpuTime() - cpuBefore;
                Console.WriteLine($"circuits: {users.Count} users on {path} after {openSeconds:N0} s ({(users.Count - from) / openSeconds:N1} users/s), {errors} errors, server CPU {openCpu.TotalSeconds:N1} s to open ({Stats.Ms(openCpu.TotalMilliseconds / Math.Max(users.Count - from, 1))} per user)");

                // Idle long enough for every prerender's leftovers to go and every circuit to settle; the CPU of idle
                // circuits (SignalR pings, the page's timers) is measured over this window.
                var idleCpuBefore = portal.CpuTime();
                var idle = TimeSpan.FromSeconds(args.IdleSeconds);
                await Task.Delay(idle);
                var idleCpu = portal.CpuTime() - idleCpuBefore;
                await MeasureAsync(portal, args, path, users, errors, heapBefore, rssBefore, circuitsBefore, idleCpu, idle);
                if (users.Count < checkpoint)
                {
                    failed = true;
                    Console.WriteLine($"circuits: stopped at {users.Count} of {checkpoint} users.");
                    break;
                }
            }

            return errors == 0 && !failed ? 0 : 1;
        }
        finally
        {
            await Task.WhenAll(users.Select(u => u.DisposeAsync().AsTask()));
        }
    }

    private static async Task MeasureAsync(PortalProcess portal, LoadArgs args, string path, List<CircuitUser> users, int errors, HeapReport heapBefore, long rssBefore,
        long circuitsBefore, TimeSpan idleCpu, TimeSpan idle)
    {
        // Counted before the heap dump: dotnet-gcdump stops the portal while it walks the heap.
        var circuits = await portal.ActiveCircuitsAsync();
        var started = users.Count(u => u.CircuitStarted && !u.Closed);
        var heapAfter = await portal.CollectHeapAsync($"after-{users.Count}");
        var rssAfter = portal.ResidentBytes();
        var n = Math.Max(users.Count, 1);
        Console.WriteLine($"circuits: N={users.Count} page={path} client-circuits={started} server-active-circuits={circuits} (baseline {circuitsBefore}) errors={errors} load={Stats.LoadAverage()}");
        Console.WriteLine($"  managed heap after forced GC: {Stats.Mb(heapBefore.TotalBytes)} -> {Stats.Mb(heapAfter.TotalBytes)}, per user {Stats.Kb((heapAfter.TotalBytes - heapBefore.TotalBytes) / (double)n)}");
        Console.WriteLine($"  RSS: {Stats.Mb(rssBefore)} -> {Stats.Mb(rssAfter)}, per user {Stats.Kb((rssAfter - rssBefore) / (double)n)}");
        Console.WriteLine($"  server CPU: {portal.CpuTime().TotalSeconds:N1} s since start; idle {idleCpu.TotalSeconds:N2} s over {idle.TotalSeconds:N0} s ({idleCpu / idle * 100:N1} % of one core)");
        foreach (var closed in users.Where(u => u.Closed).GroupBy(u => u.LastError).Take(3))
        {
            Console.WriteLine($"  {closed.Count()} circuit connections closed: {closed.Key}");
        }

        PrintTopTypes(args, heapBefore, heapAfter, n);
    }

    private static void PrintTopTypes(LoadArgs args, HeapReport heapBefore, HeapReport heapAfter, int n)
    {
        Console.WriteLine("  largest types after (size, growth, growth per user, objects):");
        foreach (var (type, bytes, count) in heapAfter.TopTypes.Take(args.TopTypes))
        {
            var before = heapBefore.TopTypes.FirstOrDefault(t => t.Type == type).Bytes;
            Console.WriteLine($"    {Stats.Kb(bytes),12} ({Stats.Kb(bytes - before),10} more, {Stats.Kb((bytes - before) / (double)n),8}/user) {count,9:N0}  {type}");
        }
    }

    private static async Task<int> RunBrowsersAsync(LoadArgs args, PortalProcess portal)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        // Warm-up: JIT, the catalog's first sync and the SDK files, so the baseline is the steady state without users.
        var path = await ResolvePathAsync(portal.BaseUrl, args.Page);
        await using (var warm = await Browsers.SignInAsync(browser, portal.BaseUrl, "Warm Up", "Attendee", path))
        {
            await Task.Delay(2000);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var heapBefore = await portal.CollectHeapAsync("before");
        var rssBefore = portal.ResidentBytes();
        Console.WriteLine($"circuits: client=browser page {path}, baseline heap {Stats.Mb(heapBefore.TotalBytes)}, RSS {Stats.Mb(rssBefore)}, load {Stats.LoadAverage()}");

        var users = new List<LoadUser>();
        var clock = Stopwatch.StartNew();
        var errors = 0;
        try
        {
            var deadline = DateTime.UtcNow + args.Duration;
            var opened = await Stats.ForEachAsync(args.Users, args.Parallel, async i =>
            {
                if (DateTime.UtcNow > deadline)
                {
                    return null;
                }

                try
                {
                    return await Browsers.SignInAsync(browser, portal.BaseUrl, $"Load User {i:D4}", "Attendee", path);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine($"  user {i}: {ex.Message.Split('\n')[0]}");
                    return null;
                }
            });
            users.AddRange(opened.OfType<LoadUser>());
            Console.WriteLine($"circuits: {users.Count} users on {path} after {clock.Elapsed.TotalSeconds:N0} s, {errors} errors");

            await Task.Delay(TimeSpan.FromSeconds(10));
            var circuits = await portal.ActiveCircuitsAsync();
            var heapAfter = await portal.CollectHeapAsync("after");
            var rssAfter = portal.ResidentBytes();
            var sockets = users.Sum(u => u.BlazorSockets);
            var n = Math.Max(users.Count, 1);
            Console.WriteLine($"circuits: N={users.Count} page={path} blazor-connections={sockets} server-active-circuits={circuits} errors={errors} load={Stats.LoadAverage()}");
            Console.WriteLine($"  managed heap after forced GC: {Stats.Mb(heapBefore.TotalBytes)} -> {Stats.Mb(heapAfter.TotalBytes)}, per user {Stats.Kb((heapAfter.TotalBytes - heapBefore.TotalBytes) / (double)n)}");
            Console.WriteLine($"  RSS: {Stats.Mb(rssBefore)} -> {Stats.Mb(rssAfter)}, per user {Stats.Kb((rssAfter - rssBefore) / (double)n)}");
            Console.WriteLine($"  server CPU: {portal.CpuTime().TotalSeconds:N1} s since start");
            PrintTopTypes(args, heapBefore, heapAfter, n);
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var user in users)
            {
                await user.DisposeAsync();
            }
        }
    }

    /// <summary>"meetings", "home", "details" or "join" (a live sandbox meeting's join page) to the path to open.</summary>
    internal static async Task<string> ResolvePathAsync(Uri baseUrl, string page)
    {
        if (page is "meetings")
        {
            return "/meetings";
        }

        if (page is "home")
        {
            return "/";
        }

        // The meetings page renders statically: its live section's first join link, read over HTTP.
        var html = await CircuitUser.FetchSignedInAsync(baseUrl, "Scout", "Attendee", "/meetings");
        var live = html.IndexOf("data-testid=\"section-live\"", StringComparison.Ordinal);
        var join = live < 0 ? Match.Empty : JoinLink().Match(html, live);
        if (!join.Success)
        {
            throw new InvalidOperationException("No live meeting to join in the sandbox.");
        }

        var href = join.Groups["href"].Value;
        return page is "details" ? href[..^"/join".Length] : href;
    }

    [GeneratedRegex("href=\"(?<href>/meetings/\\d+/join)\"")]
    private static partial Regex JoinLink();
}
