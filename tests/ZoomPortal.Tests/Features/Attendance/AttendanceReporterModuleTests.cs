using System.Diagnostics;
using System.Text.Json;

namespace ZoomPortal.Tests.Features.Attendance;

/// <summary>
/// The join page's reporter module (AttendanceReporter.razor.js) run in Node against a stand-in hub connection: what it
/// sends, in which invocations and in which order. The module is used as shipped; only its import of the shared
/// connection module is replaced by the stand-in.
/// </summary>
public sealed class AttendanceReporterModuleTests
{
    private const string Driver = """
        const mode = process.argv[2];
        const calls = [];
        let refuseOnce = mode === 'busy';
        const connection = {
          state: 'Connected',
          async invoke(name, arg) {
            const reports = name === 'ReportBatch' ? arg : [arg];
            calls.push({ name, ids: reports.map(r => r.eventId), names: reports.map(r => r.participant.displayName ?? 'self') });
            await new Promise(r => setTimeout(r, 20));
            const acks = reports.map(r => refuseOnce
              ? { eventId: r.eventId, duplicate: false, refused: 'Too many attendance events: slow down and resend.' }
              : { eventId: r.eventId, duplicate: false });
            refuseOnce = false;
            return name === 'ReportBatch' ? acks : acks[0];
          },
        };
        globalThis.__connection = connection;
        const { attach } = await import(process.argv[3]);
        let joined;
        await attach({ onJoined: cb => { joined = cb; return () => {}; } }, 42, { invokeMethodAsync: async () => {} });
        const handlers = {};
        joined({ client: { on: (n, h) => { handlers[n] = h; }, getCurrentUser: () => ({ isHost: true, userId: 1 }) } });
        // The host's SDK announces three people at once, right after the host's own join.
        handlers['user-added']([{ userId: 2, displayName: 'A' }, { userId: 3, displayName: 'B' }, { userId: 4, displayName: 'C' }]);
        await new Promise(r => setTimeout(r, mode === 'busy' ? 1600 : 300));
        console.log(JSON.stringify(calls));
        """;

    [Fact]
    public async Task Events_queued_together_go_out_as_one_ReportBatch_in_order()
    {
        var calls = await RunAsync("coalesce");

        var call = Assert.Single(calls);
        Assert.Equal("ReportBatch", call.GetProperty("name").GetString());
        Assert.Equal(["self", "A", "B", "C"], call.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task A_batch_told_to_slow_down_is_kept_whole_and_resent_in_the_same_order()
    {
        var calls = await RunAsync("busy");

        Assert.Equal(2, calls.Count);
        var first = calls[0].GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();
        var second = calls[1].GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(4, first.Count);
        Assert.Equal(first, second);
    }

    private static async Task<List<JsonElement>> RunAsync(string mode)
    {
        var folder = Directory.CreateTempSubdirectory("reporter-module-").FullName;
        try
        {
            var source = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "src", "Features", "Attendance", "AttendanceReporter.razor.js"));
            const string import = "import { openConnection } from '/attendance/attendanceConnection.js';";
            Assert.Contains(import, source, StringComparison.Ordinal);
            var module = source.Replace(import,
                "const openConnection = async ({ onUp }) => { await onUp(globalThis.__connection); return { connection: globalThis.__connection, stop: async () => {} }; };",
                StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "reporter.mjs"), module);
            await File.WriteAllTextAsync(Path.Combine(folder, "driver.mjs"), Driver);

            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            start.ArgumentList.Add(Path.Combine(folder, "driver.mjs"));
            start.ArgumentList.Add(mode);
            start.ArgumentList.Add("file://" + Path.Combine(folder, "reporter.mjs"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {await error}");
            using var document = JsonDocument.Parse(await output);
            return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ZoomPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ZoomPortal.sln above {AppContext.BaseDirectory}.");
    }
}
