using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Zoom;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>What join tests need from a running portal in Sandbox mode: the sandbox, the clock, the catalog and the attempts.</summary>
internal static class SandboxJoinPortal
{
    /// <summary>A seeded meeting that is live from the start (its host is in it), so attendees can join at once.</summary>
    public const string LiveMeetingTopic = "Support office hours";

    /// <summary>How far a measured offset may be from the true one on loopback (ms).</summary>
    public const double ClockToleranceMs = 2_000;

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static ZoomSandboxServer Sandbox(this PortalFixture portal) =>
        portal.Server.Services.GetRequiredService<ZoomSandboxHost>().Server
        ?? throw new InvalidOperationException("The Zoom sandbox has not started.");

    public static IZoomClock ZoomClock(this PortalFixture portal) => portal.Server.Services.GetRequiredService<IZoomClock>();

    public static ZoomSandboxMeeting LiveMeeting(this PortalFixture portal) =>
        portal.Server.Services.GetRequiredService<ZoomSandboxAccount>().Meetings.Single(m => m.Topic == LiveMeetingTopic);

    /// <summary>The portal user id the development sign-in gives <paramref name="name"/>.</summary>
    public static string DevelopmentUserId(string name) => "dev-" + DevelopmentSignInForm.Slug(name);

    /// <summary>Waits for the start-up measurement of Zoom's clock (a background service), so a test knows what the signer uses.</summary>
    public static async Task<ZoomClockEstimate> WaitForClockAsync(this PortalFixture portal)
    {
        var clock = portal.ZoomClock();
        var estimate = await PollAsync(() => Task.FromResult(clock.Current is { IsKnown: true } known ? known : null));
        return estimate ?? throw new TimeoutException("Zoom's clock was never measured.");
    }

    /// <summary>
    /// The stale-clock setup: once the portal has measured Zoom's clock in agreement with its own (≈ 0), Zoom's clock
    /// (the sandbox's) moves by <paramref name="skew"/> and <paramref name="test"/> runs. Afterwards the clock is put back
    /// and re-measured, so the collection's other tests sign on ≈ 0 again.
    /// </summary>
    public static async Task WithZoomClockMovedAsync(this PortalFixture portal, TimeSpan skew, Func<Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var atStart = await portal.WaitForClockAsync();
        Assert.InRange(atStart.Offset.TotalMilliseconds, -ClockToleranceMs, ClockToleranceMs);
        var sandbox = portal.Sandbox();
        sandbox.ClockSkew = skew;
        try
        {
            await test();
        }
        finally
        {
            sandbox.ClockSkew = TimeSpan.Zero;
            await portal.ZoomClock().MeasureAsync(CancellationToken.None);
        }
    }

    /// <summary>Waits for the meeting to reach the portal's catalog (filled from the sandbox in the background at start-up).</summary>
    public static async Task WaitForCatalogAsync(this PortalFixture portal, long meetingId)
    {
        var dbs = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var found = await PollAsync(async () =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            return await db.Meetings.AnyAsync(m => m.Id == meetingId) ? "found" : null;
        });
        Assert.True(found is not null, $"Meeting {meetingId} never reached the catalog.");
    }

    /// <summary>The user's join attempts, oldest first, once <paramref name="done"/> holds for them (the page reports after it renders).</summary>
    public static async Task<IReadOnlyList<JoinAttempt>> WaitForAttemptsAsync(this PortalFixture portal, string userId, Func<IReadOnlyList<JoinAttempt>, bool> done)
    {
        var dbs = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        IReadOnlyList<JoinAttempt> last = [];
        var attempts = await PollAsync(async () =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            last = await db.JoinAttempts.AsNoTracking().Where(a => a.UserId == userId).ToListAsync();
            last = [.. last.OrderBy(a => a.StartedAt).ThenBy(a => a.AttemptNumber)];
            return done(last) ? last : null;
        });
        Assert.True(attempts is not null, $"The join attempts of {userId} never reached the expected state; last seen: {Describe(last)}");
        return attempts;
    }

    public static string Describe(IEnumerable<JoinAttempt> attempts) =>
        string.Join("; ", attempts.Select(a =>
            $"#{a.AttemptNumber} {a.Outcome} code {a.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {a.ErrorCategory} join {a.JoinOutcome?.ToString() ?? "-"} {a.SupportCode} offset {a.ZoomClockOffsetMs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} ms {a.SdkView}/{a.SdkVersion}"));

    /// <summary>Asks <paramref name="probe"/> until it answers, or null after <see cref="WaitLimit"/>.</summary>
    private static async Task<T?> PollAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(PollInterval);
        }

        return await probe();
    }
}
