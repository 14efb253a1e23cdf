using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Features.Join.Security;

/// <summary>
/// The real app and sandbox, with a measurement of Zoom's clock that takes about a second: one attendee asking for a
/// re-measurement on every signature must not queue everyone else behind those measurements.
/// </summary>
public sealed class ClockFloodTests : IAsyncLifetime, IAsyncDisposable
{
    private const long OfficeHours = 85598765433;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly PortalAppFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["Zoom:Clock:Samples"] = "5",
        ["Zoom:Clock:SampleSpacing"] = "00:00:00.200",
        ["Zoom:Clock:MinRemeasureInterval"] = "00:00:02",
    });

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        var dbs = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var clock = _factory.Services.GetRequiredService<IZoomClock>();
        for (var i = 0; i < 300; i++)
        {
            await using var db = await dbs.CreateDbContextAsync();
            if (clock.Current.IsKnown && await db.Meetings.AnyAsync(m => m.Id == OfficeHours))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The meeting catalog never filled from the sandbox.");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Another_users_remeasured_signature_stays_fast_while_one_user_floods_remeasure_requests()
    {
        var join = _factory.Services.GetRequiredService<JoinService>();
        // Past the interval, so the flood's first request does measure.
        await Task.Delay(Interval + TimeSpan.FromMilliseconds(200));
        var mallory = Attendee("mallory");
        var ann = Attendee("ann");
        var malloryJoin = await join.StartJoinAsync(mallory, OfficeHours, JoinKind.Join, null, CancellationToken.None);
        var annJoin = await join.StartJoinAsync(ann, OfficeHours, JoinKind.Join, null, CancellationToken.None);
        var clockRequestsBefore = ClockRequests();

        var flood = Enumerable.Range(0, 30)
            .Select(i => join.IssueSignatureAsync(mallory, malloryJoin!, 1 + (i % 3), remeasureClock: true, "Mallory", null, CancellationToken.None))
            .ToList();
        await Task.Delay(100);
        var watch = Stopwatch.StartNew();
        var annResult = await join.IssueSignatureAsync(ann, annJoin!, 1, remeasureClock: true, "Ann", null, CancellationToken.None);
        watch.Stop();
        await Task.WhenAll(flood);

        Assert.NotNull(annResult.Ticket);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Ann's signature took {watch.Elapsed.TotalSeconds:F1} s behind Mallory's flood.");
        // One measurement (5 samples) for the whole flood and Ann, not one per request.
        Assert.InRange(ClockRequests() - clockRequestsBefore, 1, 5);
    }

    private int ClockRequests() =>
        (_factory.Services.GetRequiredService<ZoomSandboxHost>().Server?.Requests ?? []).Count(r => r.StartsWith("GET /v2/users/me", StringComparison.Ordinal));

    private static ClaimsPrincipal Attendee(string id) =>
        new(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.UserId, "user-" + id), new Claim(PortalClaimTypes.Name, id), new Claim(PortalClaimTypes.Role, PortalRoles.Attendee)],
            "test", PortalClaimTypes.Name, PortalClaimTypes.Role));
}
