using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Attendance;

/// <summary>The real app in Sandbox mode (webhooks on, signed with the sandbox's secret) and a client for it.</summary>
internal sealed class AttendancePortal : IAsyncDisposable
{
    private AttendancePortal(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Meetings:BackgroundRefresh"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new PortalAppFactory(settings: all);
        Client = Factory.CreateHttpsClient();
    }

    public PortalAppFactory Factory { get; }

    public HttpClient Client { get; }

    public static AttendancePortal Start(IDictionary<string, string?>? settings = null) => new(settings);

    public async Task<int> DeliveryCountAsync()
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.WebhookDeliveries.CountAsync();
    }

    public async Task<List<AttendanceEvent>> EventsAsync()
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.AttendanceEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<AttendanceEvent>> WaitForEventsAsync(int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var events = await EventsAsync();
            if (events.Count >= count)
            {
                return events;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Expected {count} attendance event(s) to be stored within 10 s.");
        return [];
    }

    public IDbContextFactory<PortalDbContext> Db() => Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
