using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.E2E.Features.Attendance;

/// <summary>
/// The portal in Development with the sandbox, for the attendance stories. Waiting for the host polls only every
/// 10 minutes here, so an attendee who gets in at once was joined by the hub's MeetingStarted, not by the poll.
/// </summary>
public sealed class AttendancePortalFixture : PortalFixture
{
    protected override string Environment => "Development";

    internal ZoomSandboxAccount Account => Server.Services.GetRequiredService<ZoomSandboxAccount>();

    internal ZoomSandboxMeeting Meeting(string topic) => Account.Meetings.Single(m => m.Topic == topic);

    public PortalDbContext CreateDbContext() =>
        Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    protected override Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
            ["Join:WaitForHostInterval"] = "00:10:00",
            // These stories join sandbox meetings up to a week before their start (the All-hands, waiting for the host):
            // joining opens a week ahead here.
            ["Meetings:JoinLeadTime"] = "7.00:00:00",
            ["Join:WaitForHostTimeout"] = "01:00:00",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        });

    protected override async Task OnStartedAsync(Uri baseUrl)
    {
        var expected = Account.Meetings.Count;
        for (var i = 0; i < 300; i++)
        {
            await using var db = CreateDbContext();
            if (await db.Meetings.CountAsync() >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The meeting catalog never filled from the sandbox.");
    }
}

[CollectionDefinition(Name)]
public sealed class AttendancePortalTests : ICollectionFixture<AttendancePortalFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Attendance portal";
}
