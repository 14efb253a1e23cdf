using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>
/// A real nginx (Debian's package) on loopback running deploy/nginx.conf with only the two upstream addresses and the
/// listen port substituted, from a temporary prefix folder of its own, in the foreground, never as root.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zoomportal-nginx", Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = [];
    private Process? _process;

    public NginxProxy() => Port = LocalPorts.Next();

    /// <summary>nginx's port; a new one when the first was taken before nginx could bind it (see <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>The deployment's file, found by walking up from the test assembly to the repository.</summary>
    public static string DeployedConfigPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "nginx.conf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("deploy/nginx.conf was not found above the test assembly.");
    }

    /// <summary>deploy/nginx.conf with the compose host names and port replaced; fails if the file stops naming them.</summary>
    public static string Render(string deployed, Uri upstreamA, Uri upstreamB, int listenPort)
    {
        foreach (var expected in new[] { "server portal-a:8080 ", "server portal-b:8080 ", "listen 80;" })
        {
            if (!deployed.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"deploy/nginx.conf no longer contains '{expected}', which the tests substitute.");
            }
        }

        return deployed
            .Replace("server portal-a:8080 ", $"server {upstreamA.Authority} ", StringComparison.Ordinal)
            .Replace("server portal-b:8080 ", $"server {upstreamB.Authority} ", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{listenPort.ToString(CultureInfo.InvariantCulture)};", StringComparison.Ordinal);
    }

    /// <remarks>
    /// The tests' ports (57000–57199) lie in Linux's ephemeral range (32768–60999), so an outgoing connection of any
    /// process can take the port between <see cref="LocalPorts"/> finding it free and nginx binding it: nginx then
    /// exits with "Address already in use", and a new port is tried (nginx's address is not part of any test's state).
    /// </remarks>
    public async Task StartAsync(Uri upstreamA, Uri upstreamB)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(upstreamA, upstreamB);
                return;
            }
            catch (InvalidOperationException) when (attempt < 5 && Log.Contains("Address already in use", StringComparison.Ordinal))
            {
                await DisposeProcessAsync();
                lock (_log)
                {
                    _log.Clear();
                }

                Port = LocalPorts.Next();
            }
        }
    }

    private async Task StartOnceAsync(Uri upstreamA, Uri upstreamB)
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed (apt-get install nginx; .ci/run does).");
        Directory.CreateDirectory(Path.Combine(_folder, "temp"));
        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Render(await File.ReadAllTextAsync(DeployedConfigPath()), upstreamA, upstreamB, Port));

        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot && OperatingSystem.IsLinux())
        {
            // nginx never runs as root here: the folder is the unprivileged user's to write in.
            foreach (var path in new[] { _folder, Path.Combine(_folder, "temp") })
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            }

            foreach (var arg in new[] { "-u", "nobody", "--", nginx })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in new[] { "-p", _folder + "/", "-c", config, "-e", "stderr", "-g", $"pid {_folder}/nginx.pid; daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("nginx exited at start:\n" + Log);
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("nginx never listened:\n" + Log);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeProcessAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task DisposeProcessAsync()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is not null)
        {
            if (!process.HasExited)
            {
                // runuser passes the signal on; nginx's master stops its worker.
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
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
