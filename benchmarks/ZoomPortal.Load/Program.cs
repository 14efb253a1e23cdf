using System.Globalization;
using ZoomPortal.Load;

// Usage (from the repository root, after dotnet publish -c Release -o /tmp/zoomportal-release and dotnet tool restore):
//   dotnet run -c Release --project benchmarks/ZoomPortal.Load -- circuits --app /tmp/zoomportal-release/ZoomPortal.dll --users 100 --page meetings
//   dotnet run -c Release --project benchmarks/ZoomPortal.Load -- join-storm --app /tmp/zoomportal-release/ZoomPortal.dll --users 100 --window 60
//   dotnet run -c Release --project benchmarks/ZoomPortal.Load -- fan-out --app /tmp/zoomportal-release/ZoomPortal.dll --users 100 --rate 1000 --rosters 10 --window 10
if (args is not [var scenario, ..] || scenario is not ("circuits" or "join-storm" or "fan-out"))
{
    Console.Error.WriteLine("usage: (circuits | join-storm | fan-out) --app <ZoomPortal.dll> [--client circuit|browser] [--users N] [--checkpoints 100,500] [--page meetings|home|details|join] [--window s] [--port p] [--parallel n] [--minutes m] [--idle s] [--rate events/s] [--rosters M] [--batch n] [--drain s] [--trace]");
    return 2;
}

var options = LoadArgs.Parse(args[1..]);
using var bound = new CancellationTokenSource(options.Duration + TimeSpan.FromMinutes(5));
var run = scenario switch
{
    "circuits" => CircuitsScenario.RunAsync(options),
    "join-storm" => JoinStormScenario.RunAsync(options),
    _ => FanOutScenario.RunAsync(options),
};
var finished = await Task.WhenAny(run, Task.Delay(Timeout.Infinite, bound.Token).ContinueWith(_ => -1, TaskScheduler.Default));
if (finished != run)
{
    Console.Error.WriteLine($"{scenario}: stopped after the time bound ({options.Duration.TotalMinutes:N0} min + 5).");
    return 1;
}

return await run;

namespace ZoomPortal.Load
{
    /// <summary>The harness's bounds: users (at most 2,000), time (at most 30 minutes), loopback port.</summary>
    internal sealed record LoadArgs(string AppDll, int Users, string Page, TimeSpan Window, int Port, int Parallel, TimeSpan Duration, TimeSpan JoinTimeout, int TopTypes,
        string Client, IReadOnlyList<int> Checkpoints, int IdleSeconds, int Rate, int Rosters, int Batch, TimeSpan Drain, bool Trace)
    {
        public static LoadArgs Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }

            int Int(string name, int fallback, int min, int max) =>
                Math.Clamp(int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture), min, max);

            var app = Get("--app", "/tmp/zoomportal-release/ZoomPortal.dll");
            if (!File.Exists(app))
            {
                throw new FileNotFoundException($"No published portal at {app}: run dotnet publish -c Release -o /tmp/zoomportal-release first, or pass --app.");
            }

            var users = Int("--users", 100, 1, 2000);
            var client = Get("--client", "circuit");
            if (client is not ("circuit" or "browser"))
            {
                throw new ArgumentException("--client must be circuit (the lightweight Blazor circuit client) or browser (Chromium).");
            }

            // Measuring points on the way up to --users (circuits only), e.g. 100,500,1000.
            var checkpoints = Get("--checkpoints", string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => Math.Clamp(int.Parse(c, CultureInfo.InvariantCulture), 1, users))
                .Append(users)
                .Distinct()
                .Order()
                .ToList();

            return new LoadArgs(
                Path.GetFullPath(app),
                users,
                Get("--page", "meetings"),
                TimeSpan.FromSeconds(Int("--window", 60, 0, 600)),
                Int("--port", 57210, 1024, 65535),
                Int("--parallel", 8, 1, 64),
                TimeSpan.FromMinutes(Int("--minutes", 20, 1, 30)),
                TimeSpan.FromSeconds(Int("--join-timeout", 60, 5, 300)),
                Int("--top", 12, 0, 15),
                client,
                checkpoints,
                Int("--idle", 15, 5, 120),
                // fan-out: events/s offered in total, rosters watching, events per hub invocation (1: Report, more: ReportBatch),
                // and how long the reporters' queues may take to empty after the window.
                Int("--rate", 500, 1, 20_000),
                Int("--rosters", 10, 1, 500),
                Int("--batch", 1, 1, 100),
                TimeSpan.FromSeconds(Int("--drain", 120, 5, 600)),
                // fan-out: a dotnet-trace sample of the portal's stacks during the window (dotnet tool restore first).
                args.Contains("--trace"));
        }
    }
}
