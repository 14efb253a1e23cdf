using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Testing;
using ZoomPortal.Data;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Tests.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Attendance;

/// <summary>
/// The real app in Sandbox mode (webhooks on, signed with the sandbox's secret), its logs collected, with helpers to
/// sign users in and open hub connections carrying their cookie.
/// </summary>
internal sealed class AttendancePortal : IAsyncDisposable
{
    private readonly PortalAppFactory _factory;

    private AttendancePortal(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Meetings:BackgroundRefresh"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new PortalAppFactory(settings: all);
        App = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddFakeLogging()));
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
    }

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    public static AttendancePortal Start(IDictionary<string, string?>? settings = null) => new(settings);

    /// <summary>Signs a user in through the development sign-in and returns their cookie jar.</summary>
    public async Task<CookieContainer> SignInAsync(string name, string role, string? email = null)
    {
        var cookies = new CookieContainer();
        using var client = App.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        await DevelopmentSignIn.SignInAsync(client, name, role, email);
        return cookies;
    }

    /// <summary>A started hub connection (long polling through the test server) with the user's cookie, or none.</summary>
    public async Task<HubConnection> ConnectAsync(CookieContainer? cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri("https://localhost/hubs/attendance"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => cookies is null
                    ? App.Server.CreateHandler()
                    : new CookieContainerHandler(cookies) { InnerHandler = App.Server.CreateHandler() };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task SeedMeetingAsync(long id, string hostEmail)
    {
        await using var db = await Db().CreateDbContextAsync();
        db.Meetings.Add(MeetingData.Entity(id, "Weekly team sync", DateTime.UtcNow, hostEmail: hostEmail));
        await db.SaveChangesAsync();
    }

    /// <summary>What the join page records when a user clicks Join: the hub lets them report for that meeting.</summary>
    public async Task SeedJoinAsync(string userId, long meetingId, int role = 0)
    {
        await using var db = await Db().CreateDbContextAsync();
        db.JoinAttempts.Add(new JoinAttempt
        {
            JoinId = Guid.NewGuid(), SupportCode = "ZP-TEST01", AttemptNumber = 1, StartedAt = DateTime.UtcNow, UserId = userId,
            MeetingId = meetingId, Role = role, Outcome = JoinAttemptOutcome.Succeeded,
        });
        await db.SaveChangesAsync();
    }

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

    public IDbContextFactory<PortalDbContext> Db() => App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
