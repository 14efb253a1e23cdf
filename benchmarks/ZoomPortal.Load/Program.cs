using System.Globalization;
using ZoomPortal.Load;

// Usage (from the repository root, after dotnet publish -c Release -o /tmp/zoomportal-release and dotnet tool restore):
//   dotnet run -c Release --project benchmarks/ZoomPortal.Load -- circuits --app /tmp/zoomportal-release/ZoomPortal.dll --users 100 --page meetings
//   dotnet run -c Release --project benchmarks/ZoomPortal.Load -- join-storm --app /tmp/zoomportal-release/ZoomPortal.dll --users 100 --window 60
if (args is not [var scenario, ..] || scenario is not ("circuits" or "join-storm"))
{
    Console.Error.WriteLine("usage: (circuits | join-storm) --app <ZoomPortal.dll> [--users N] [--page meetings|home|details|join] [--window s] [--port p] [--parallel n] [--minutes m]");
    return 2;
}

var options = LoadArgs.Parse(args[1..]);
using var bound = new CancellationTokenSource(options.Duration + TimeSpan.FromMinutes(5));
var run = scenario == "circuits" ? CircuitsScenario.RunAsync(options) : JoinStormScenario.RunAsync(options);
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
    internal sealed record LoadArgs(string AppDll, int Users, string Page, TimeSpan Window, int Port, int Parallel, TimeSpan Duration, TimeSpan JoinTimeout, int TopTypes)
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

            return new LoadArgs(
                Path.GetFullPath(app),
                Int("--users", 100, 1, 2000),
                Get("--page", "meetings"),
                TimeSpan.FromSeconds(Int("--window", 60, 0, 600)),
                Int("--port", 57210, 1024, 65535),
                Int("--parallel", 8, 1, 64),
                TimeSpan.FromMinutes(Int("--minutes", 20, 1, 30)),
                TimeSpan.FromSeconds(Int("--join-timeout", 60, 5, 300)),
                Int("--top", 12, 0, 15));
        }
    }
}
