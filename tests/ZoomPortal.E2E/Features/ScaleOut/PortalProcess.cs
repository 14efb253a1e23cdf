using System.Diagnostics;
using System.Globalization;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>
/// A portal instance as a process of its own (<c>dotnet ZoomPortal.dll</c>, the build copied next to the tests), so that
/// a test can kill it as an operating system would: SIGKILL, no shutdown, no goodbye to its browsers.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly List<string> _log = [];
    private readonly Process _process;

    private PortalProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote (warnings and worse, as configured), for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log.TakeLast(200));
            }
        }
    }

    /// <summary>
    /// Starts the app on <paramref name="port"/> with <paramref name="settings"/> as environment variables (the
    /// configuration keys with <c>__</c> for <c>:</c>, as a deployment sets them) and waits until <c>/healthz</c> answers.
    /// </summary>
    public static async Task<PortalProcess> StartAsync(string environment, IReadOnlyDictionary<string, string?> settings, int port)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var app = Path.Combine(AppContext.BaseDirectory, "ZoomPortal.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root (appsettings.json, wwwroot) is the repository, as under `dotnet run`.
            WorkingDirectory = RepositoryRoot(),
        };
        foreach (var arg in new[] { "exec", app, "--contentRoot", RepositoryRoot() })
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the test run's own configuration leaks in (e.g. a test's ASPNETCORE_URLS or DOTNET_ settings).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("ZoomPortal", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var portal = new PortalProcess(process, port);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal process exited at start ({process.ExitCode}):\n{portal.Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await portal.KillAsync();
        throw new InvalidOperationException($"The portal process did not answer /healthz within 3 minutes:\n{portal.Log}");
    }

    /// <summary>SIGKILL (<see cref="Process.Kill()"/>): the process ends at once, its sockets reset by the kernel.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ZoomPortal.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException("ZoomPortal.csproj was not found above the test assembly.");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }
}
