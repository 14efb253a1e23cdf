using Xunit.Abstractions;
using ZoomPortal.E2E.Features.Attendance;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>
/// The roster fan-out harness (<see cref="AttendanceLoadBenchmarks"/>) across two instances: reporters on A, rosters on B,
/// every hint through Redis. Same settings (LOAD_REPORTERS, LOAD_RATE, LOAD_ROSTERS, LOAD_SECONDS); on demand only.
/// </summary>
[Collection(ScaleOutTests.Name)]
[Trait("Category", "Benchmark")]
public sealed class RosterFanOutBenchmarks(ScaleOutFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Events_on_instance_A_to_rosters_on_instance_B_through_Redis()
    {
        await using (var db = portal.CreateDbContext())
        {
            db.JoinAttempts.Add(AttendanceLoadBenchmarks.HostJoin());
            await db.SaveChangesAsync();
        }

        await AttendanceLoadBenchmarks.RunAsync(portal.A.BaseUrl, portal.B.BaseUrl, output);
    }

    [Fact]
    public async Task Events_on_instance_A_to_rosters_on_instance_A_with_Redis()
    {
        // The same two-instance setup with reporters and rosters on one instance: what crossing instances adds.
        await using (var db = portal.CreateDbContext())
        {
            db.JoinAttempts.Add(AttendanceLoadBenchmarks.HostJoin());
            await db.SaveChangesAsync();
        }

        await AttendanceLoadBenchmarks.RunAsync(portal.A.BaseUrl, portal.A.BaseUrl, output);
    }
}
