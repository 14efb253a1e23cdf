using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.E2E.Features.Join.Sdk;

[Collection(DevelopmentPortalTests.Name)]
public sealed class StandInSdkTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    // Seeded sandbox meetings: started with passcode 481516; not started with passcode Plan42.
    private const long LiveMeeting = 84512345671;
    private const long WaitingMeeting = 84512345672;

    private ZoomSdkClientConfig Config => portal.Server.Services.GetRequiredService<ZoomSdkAssets>().ClientConfig;

    [Fact]
    public Task Stand_in_component_view_joins_a_live_sandbox_meeting_and_shows_a_labelled_view() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            Assert.True(Config.StandIn);
            await page.GotoAsync(SdkPage.AnyAppPage);

            var result = await SdkPage.ComponentViewAsync(page, Config, Join(LiveMeeting, "481516"));

            Assert.True(result.GetProperty("joined").GetBoolean(), result.ToString());
            var events = result.GetProperty("events").EnumerateArray().ToList();
            Assert.Equal("Connected", events[0].GetProperty("payload").GetProperty("state").GetString());
            Assert.Equal("user-added", events[1].GetProperty("name").GetString());
            Assert.Equal(4, events[1].GetProperty("payload").GetArrayLength());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sandbox meeting — simulated, not Zoom" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Participants" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
            await page.GetByRole(AriaRole.Button, new() { Name = "Leave meeting" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sandbox meeting — simulated, not Zoom" })).ToHaveCountAsync(0);
        });

    [Fact]
    public Task Stand_in_rejects_a_signature_issued_in_the_future_of_a_sandbox_clock_7_minutes_behind() =>
        WithSandboxSkewAsync(TimeSpan.FromMinutes(-7), () => AssertJoinFailsAsync(Join(LiveMeeting, "481516"), 3712, "Signature is invalid."));

    [Fact]
    public Task Stand_in_rejects_a_signature_expired_on_a_sandbox_clock_3_hours_ahead() =>
        WithSandboxSkewAsync(TimeSpan.FromHours(3), () => AssertJoinFailsAsync(Join(LiveMeeting, "481516"), 3705, "The signature has expired."));

    [Fact]
    public Task Stand_in_rejects_a_wrong_passcode() =>
        AssertJoinFailsAsync(Join(LiveMeeting, "000000"), 3004, "Meeting Passcode wrong.");

    [Fact]
    public Task Stand_in_tells_a_participant_the_meeting_has_not_started() =>
        AssertJoinFailsAsync(Join(WaitingMeeting, "Plan42"), 3008, "Meeting has not started");

    private object Join(long meetingNumber, string password) => new
    {
        signature = portal.Server.Services.GetRequiredService<MeetingSignatureSigner>().Sign(meetingNumber, ZoomRole.Attendee).Token,
        meetingNumber = meetingNumber.ToString(CultureInfo.InvariantCulture),
        password,
        userName = "E2E Tester",
    };

    private Task AssertJoinFailsAsync(object join, int errorCode, string reason) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.GotoAsync(SdkPage.AnyAppPage);

            var result = await SdkPage.ComponentViewAsync(page, Config, join);

            Assert.False(result.GetProperty("joined").GetBoolean(), result.ToString());
            var error = result.GetProperty("error");
            Assert.Equal("JOIN_MEETING_FAILED", error.GetProperty("type").GetString());
            Assert.Equal(errorCode, error.GetProperty("errorCode").GetInt32());
            Assert.Equal(reason, error.GetProperty("reason").GetString());
        });

    private async Task WithSandboxSkewAsync(TimeSpan skew, Func<Task> test)
    {
        var sandbox = await portal.Server.Services.GetRequiredService<ZoomSandboxHost>().EnsureStartedAsync(CancellationToken.None);
        var before = sandbox.ClockSkew;
        sandbox.ClockSkew = skew;
        try
        {
            await test();
        }
        finally
        {
            sandbox.ClockSkew = before;
        }
    }
}
