using System.Diagnostics;
using Microsoft.Playwright;

namespace ZoomPortal.Load;

/// <summary>
/// N signed-in users idle on one page (the meetings page or a live meeting's join page). Measures the portal's
/// managed heap after a forced GC and its RSS before and after, per user, and counts the Blazor circuits they opened.
/// </summary>
internal static class CircuitsScenario
{
    public static async Task<int> RunAsync(LoadArgs args)
    {
        await using var portal = await PortalProcess.StartAsync(args.AppDll, args.Port, new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        // Warm-up: JIT, the catalog's first sync and the SDK files, so the baseline is the steady state without users.
        var path = await ResolvePathAsync(browser, portal.BaseUrl, args.Page);
        await using (var warm = await Browsers.SignInAsync(browser, portal.BaseUrl, "Warm Up", "Attendee", path))
        {
            await Task.Delay(2000);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var heapBefore = await portal.CollectHeapAsync("before");
        var rssBefore = portal.ResidentBytes();
        Console.WriteLine($"circuits: page {path}, baseline heap {Stats.Mb(heapBefore.TotalBytes)}, RSS {Stats.Mb(rssBefore)}");

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

            // Idle long enough for every prerender's leftovers to go and every circuit to settle.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var heapAfter = await portal.CollectHeapAsync("after");
            var rssAfter = portal.ResidentBytes();
            var sockets = users.Sum(u => u.BlazorSockets);
            var n = Math.Max(users.Count, 1);
            Console.WriteLine($"circuits: N={users.Count} page={path} blazor-connections={sockets} errors={errors}");
            Console.WriteLine($"  managed heap after forced GC: {Stats.Mb(heapBefore.TotalBytes)} -> {Stats.Mb(heapAfter.TotalBytes)}, per user {Stats.Kb((heapAfter.TotalBytes - heapBefore.TotalBytes) / (double)n)}");
            Console.WriteLine($"  RSS: {Stats.Mb(rssBefore)} -> {Stats.Mb(rssAfter)}, per user {Stats.Kb((rssAfter - rssBefore) / (double)n)}");
            Console.WriteLine($"  server CPU: {portal.CpuTime().TotalSeconds:N1} s since start");
            Console.WriteLine("  largest types after:");
            foreach (var (type, bytes, count) in heapAfter.TopTypes.Take(args.TopTypes))
            {
                var before = heapBefore.TopTypes.FirstOrDefault(t => t.Type == type).Bytes;
                Console.WriteLine($"    {Stats.Kb(bytes),12} ({Stats.Kb(bytes - before),10} more) {count,9:N0}  {type}");
            }

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
    private static async Task<string> ResolvePathAsync(IBrowser browser, Uri baseUrl, string page)
    {
        if (page is "meetings")
        {
            return "/meetings";
        }

        if (page is "home")
        {
            return "/";
        }

        await using var scout = await Browsers.SignInAsync(browser, baseUrl, "Scout", "Attendee", "/meetings");
        var join = scout.Page.GetByTestId("section-live").Locator("a[href$='/join']").First;
        await join.WaitForAsync();
        var href = await join.GetAttributeAsync("href") ?? throw new InvalidOperationException("No live meeting to join in the sandbox.");
        return page is "details" ? href[..^"/join".Length] : href;
    }
}
