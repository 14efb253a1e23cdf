using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ZoomPortal.Load;

/// <summary>
/// The published portal in a process of its own (so its RSS is the portal's alone), in Development with the Zoom sandbox,
/// the development sign-in and a throwaway SQLite file, listening on one loopback port.
/// </summary>
internal sealed partial class PortalProcess : IAsyncDisposable
{
    private const string MetricsPath = "/metrics";
    private static readonly double ClockTicksPerSecond = 100; // USER_HZ on Linux
    private readonly Process _process;
    private readonly string _folder;
    private readonly string _toolRoot;

    private PortalProcess(Process process, string folder, Uri baseUrl, string toolRoot)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
        _toolRoot = toolRoot;
    }

    public Uri BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>The portal's throwaway SQLite database file.</summary>
    public string DatabasePath => Path.Combine(_folder, "portal.db");

    public static async Task<PortalProcess> StartAsync(string appDll, int port, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var folder = Path.Combine(Path.GetTempPath(), "zoomportal-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(appDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__SqlitePath"] = Path.Combine(folder, "portal.db");
        // ZOOMPORTAL_LOAD_PORTAL_<NAME>=value sets <NAME> for the portal alone, e.g. DOTNET_EnableEventPipe to trace the server without the harness.
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("ZOOMPORTAL_LOAD_PORTAL_", StringComparison.Ordinal)))
        {
            start.Environment[key["ZOOMPORTAL_LOAD_PORTAL_".Length..]] = value;
        }
        start.Environment["Zoom__Mode"] = "Sandbox";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // The circuit count (aspnetcore.components.circuit.active) is read from the portal's own Prometheus endpoint.
        start.Environment["Telemetry__PrometheusEndpoint"] = MetricsPath;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, folder, baseUrl, FindToolRoot());

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} during start-up.");
            }

            try
            {
                if ((await http.GetAsync(new Uri("readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        await portal.DisposeAsync();
        throw new TimeoutException($"The portal was not ready within {timeout}.");
    }

    /// <summary>
    /// The portal's open Blazor circuits as the server counts them (the <c>aspnetcore.components.circuit.active</c>
    /// up-down counter of the Microsoft.AspNetCore.Components.Server.Circuits meter, scraped from /metrics), or -1.
    /// </summary>
    public async Task<long> ActiveCircuitsAsync() => (long)(await MetricAsync("aspnetcore_components_circuit_active") ?? -1);

    /// <summary>
    /// The sum of every series of a metric on the portal's Prometheus endpoint (all label sets), or null when absent,
    /// e.g. <c>dotnet_process_memory_working_set_bytes</c> or <c>dotnet_gc_last_collection_heap_size_bytes</c> of the
    /// runtime's System.Runtime meter.
    /// </summary>
    public async Task<double?> MetricAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri(MetricsPath.TrimStart('/'), UriKind.Relative));
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{' &&
                double.TryParse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sum = (sum ?? 0) + value;
            }
        }

        return sum;
    }

    /// <summary>Resident set size of the portal process, in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS in /proc status.");
    }

    /// <summary>User plus system CPU time the portal process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    /// <summary>
    /// Forces a full, blocking GC in the portal (dotnet-gcdump does, to walk the heap) and returns the live managed heap
    /// it found with its largest types. Needs <c>dotnet tool restore</c> in the repository.
    /// </summary>
    public async Task<HeapReport> CollectHeapAsync(string label)
    {
        var file = Path.Combine(_folder, $"{label}.gcdump");
        await RunToolAsync("dotnet-gcdump", "collect", "-p", Id.ToString(CultureInfo.InvariantCulture), "-o", file);
        var report = await RunToolAsync("dotnet-gcdump", "report", file);
        // Kept for reading by hand (the whole type list); the folder outlives the portal.
        var reports = Path.Combine(Path.GetTempPath(), "zoomportal-load-reports");
        Directory.CreateDirectory(reports);
        await File.WriteAllTextAsync(Path.Combine(reports, $"{DateTime.UtcNow:HHmmss}-{label}.txt"), report);
        return HeapReport.Parse(report);
    }

    /// <summary>
    /// Samples the portal's thread stacks (dotnet-trace, EventPipe, ~100 Hz) for <paramref name="duration"/> and returns
    /// the file's path once written; <see cref="ReportTraceAsync"/> reads it.
    /// </summary>
    public async Task<string> TraceAsync(string label, TimeSpan duration)
    {
        var reports = Path.Combine(Path.GetTempPath(), "zoomportal-load-reports");
        Directory.CreateDirectory(reports);
        var file = Path.Combine(reports, $"{DateTime.UtcNow:HHmmss}-{label}.nettrace");
        var span = $"00:00:{(int)duration.TotalMinutes:D2}:{duration.Seconds:D2}";
        await RunToolAsync("dotnet-trace", "collect", "-p", Id.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-common,dotnet-sampled-thread-time",
            "--duration", span, "-o", file);
        return file;
    }

    /// <summary>The methods longest on the sampled stacks (dotnet-trace report topN), inclusive or exclusive time.</summary>
    public Task<string> ReportTraceAsync(string file, int top, bool inclusive) =>
        inclusive ? RunToolAsync("dotnet-trace", "report", file, "topN", "-n", top.ToString(CultureInfo.InvariantCulture), "--inclusive")
            : RunToolAsync("dotnet-trace", "report", file, "topN", "-n", top.ToString(CultureInfo.InvariantCulture));

    private async Task<string> RunToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _toolRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("run");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var tool = Process.Start(start)!;
        var output = tool.StandardOutput.ReadToEndAsync();
        var error = tool.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await tool.WaitForExitAsync(timeout.Token);
        if (tool.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool run {args[0]} failed: {await error}");
        }

        return await output;
    }

    // The repository root holds the tool manifest (dotnet-tools.json) with dotnet-gcdump.
    private static string FindToolRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static int _failLines;

    // A failure and the lines that follow it (the message and the exception's first frames).
    private static void Log(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Exchange(ref _failLines, 6);
        }

        if (Interlocked.Decrement(ref _failLines) >= 0)
        {
            Console.Error.WriteLine($"  portal: {line}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The live managed heap as dotnet-gcdump reports it: total bytes and the largest types by size.</summary>
internal sealed partial record HeapReport(long TotalBytes, IReadOnlyList<(string Type, long Bytes, long Count)> TopTypes)
{
    public static HeapReport Parse(string report)
    {
        // "    12,345,678  GC Heap bytes", then rows "   Object Bytes   Count  Type": the bytes of one object of that
        // type and size bucket ("(Bytes > 1K)"), so a row's total is bytes x count; buckets of one type are added up.
        long total = 0;
        var types = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        foreach (var line in report.Split('\n'))
        {
            var m = Row().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var bytes = long.Parse(m.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var name = m.Groups["name"].Value.Trim();
            if (name.StartsWith("GC Heap bytes", StringComparison.Ordinal))
            {
                total = bytes;
            }
            else if (m.Groups["count"].Success)
            {
                var count = long.Parse(m.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var type = Bucket().Replace(name, string.Empty).Trim();
                types[type] = types.TryGetValue(type, out var sum) ? (sum.Bytes + (bytes * count), sum.Count + count) : (bytes * count, count);
            }
        }

        return new HeapReport(total, types.OrderByDescending(t => t.Value.Bytes).Take(15).Select(t => (t.Key, t.Value.Bytes, t.Value.Count)).ToList());
    }

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+(?:(?<count>[\d,]+)\s+)?(?<name>\S.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"\s*\(Bytes > [^)]*\)")]
    private static partial Regex Bucket();
}
