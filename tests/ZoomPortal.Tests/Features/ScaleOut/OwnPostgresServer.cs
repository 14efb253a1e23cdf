using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ZoomPortal.Tests.Features.ScaleOut;

/// <summary>
/// A PostgreSQL server of the test's own (the shared one must never be restarted), on a free port in 57000–57199,
/// run as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root).
/// </summary>
internal sealed class OwnPostgresServer : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zoomportal-own-pg", Guid.NewGuid().ToString("N"));
    private readonly string _bin;

    public OwnPostgresServer()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
              ?? throw new InvalidOperationException("PostgreSQL server binaries not found (apt-get install postgresql).")
            : throw new InvalidOperationException("PostgreSQL server binaries not found (apt-get install postgresql).");
        Port = FreePort();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=portal;Timeout=5";

    private string Data => Path.Combine(_folder, "data");

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", _folder);
        }

        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await PgCtlAsync("start");
    }

    /// <summary>A fast restart: every open connection is cut, the server is back a moment later.</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgCtlAsync("stop", "-m", "immediate");
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgCtlAsync(params string[] command) =>
        RunAsPostgresAsync([Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off", .. command]);

    private static Task RunAsPostgresAsync(params string[] command) =>
        IsRoot ? RunAsync(["runuser", "-u", "postgres", "--", .. command]) : RunAsync(command);

    private static async Task RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command.Take(2))} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        for (var port = 57000 + Random.Shared.Next(200); ; port = 57000 + Random.Shared.Next(200))
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
