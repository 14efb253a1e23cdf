using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Join;

public sealed class JoinMeetingPageTests : PortalBunitContext
{
    private const string ChromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    [Fact]
    public void Retry_says_zoom_disagreed_and_shows_the_countdown_and_support_code()
    {
        var progress = Render<JoinProgress>(p => p
            .Add(x => x.Step, JoinStep.Retrying)
            .Add(x => x.Seconds, 8)
            .Add(x => x.Error, JoinErrorCatalog.Classify(3712, null))
            .Add(x => x.SupportCode, "ZP-ABC234"));

        var status = progress.Find("[aria-live=polite]");
        Assert.Contains("its clock disagreed with ours", status.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed", status.TextContent, StringComparison.Ordinal);
        Assert.Equal("8", progress.Find(".join-countdown").TextContent);
        Assert.Contains("Support code ZP-ABC234", status.TextContent, StringComparison.Ordinal);
        Assert.Equal("step", progress.Find("li.current").GetAttribute("aria-current"));
        Assert.Equal("Joining", progress.Find("li.current").TextContent);
    }

    [Fact]
    public void Stop_after_signature_errors_explains_and_gives_the_support_code()
    {
        var progress = Render<JoinProgress>(p => p
            .Add(x => x.Step, JoinStep.Stopped)
            .Add(x => x.Error, JoinErrorCatalog.Classify(3705, null))
            .Add(x => x.SupportCode, "ZP-ABC234"));

        var alert = progress.Find("[role=alert]");
        Assert.Contains("stopped trying", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("ZP-ABC234", alert.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("wider time window", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_widened_window_is_said_in_true_words_while_joining_and_when_stopping()
    {
        var progress = Render<JoinProgress>(p => p
            .Add(x => x.Step, JoinStep.Joining)
            .Add(x => x.Window, SignatureWindowKind.WidenedEarlier)
            .Add(x => x.SupportCode, "ZP-ABC234"));
        Assert.Contains("Zoom's clock disagreed with ours; we widened the signature's time window and are trying again.", progress.Markup, StringComparison.Ordinal);

        progress.Render(p => p.Add(x => x.Step, JoinStep.Stopped).Add(x => x.Error, JoinErrorCatalog.Classify(3712, null)));
        Assert.Contains("even with a signature valid over a wider time window", progress.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_joins_through_the_module_and_follows_the_servers_retry_with_a_countdown()
    {
        var options = new JoinOptions { RetryDelay = TimeSpan.FromSeconds(2) };
        await using var harness = await JoinHarness.CreateAsync(options);
        await using var ctx = harness.PageContext(options);
        var module = harness.SetupModule(ctx);

        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));
        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        // Camera and microphone are the device check's alone: no second, permission-based line about them.
        Assert.Single(page.FindAll("#device-check-heading"));
        Assert.Empty(page.FindAll(".join-checks"));
        await page.Find("form").SubmitAsync();

        var sent = Assert.IsType<JoinModuleOptions>(module.VerifyInvoke("join").Arguments[2]);
        Assert.Equal(("Component", 1, "/zoom-sdk/loader.js", "6.2.0"), (sent.View, sent.FirstAttempt, sent.LoaderUrl, sent.SdkVersion));
        Assert.Equal(new ZoomSdkClientConfig(true, "/zoom-sdk/6.2.0", "/zoom-sandbox/web/join"), sent.Sdk);
        Assert.EndsWith($"/meetings/{JoinHarness.MeetingId}", sent.LeaveUrl, StringComparison.Ordinal);
        Assert.Equal(JoinRoutes.ClientRetry(JoinHarness.MeetingId, JoinKind.Join, Guid.Parse(sent.JoinId)), sent.RetryUrl);
        var joinId = sent.JoinId;
        var ticket = await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 1, false));
        Assert.Equal("Ada Attendee", ticket!.UserName);
        Assert.Null(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(Guid.NewGuid().ToString(), 1, false)));

        var next = await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, 1, 3712, "Signature is invalid.", "6.2.0", "Component", null));
        Assert.Equal(new JoinNextStepMessage("Retry", 2000, true), next);
        page.WaitForAssertion(() => Assert.Equal("2", page.Find(".join-countdown").TextContent));
        await page.InvokeAsync(() => page.Instance.ReportProgress(joinId, "Retrying", 1));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find(".join-countdown").TextContent));
        await page.InvokeAsync(() => page.Instance.ReportProgress(joinId, "InMeeting", 0));
        await page.InvokeAsync(() => page.Instance.ReportProgress("not-this-join", "Joining", 0));
        Assert.Equal(JoinStep.Retrying, page.Instance.Step);
        Assert.Matches(@"Support code ZP-[2-9A-Z]{6}", page.Find(".join-progress[aria-live=polite]").TextContent);

        Assert.NotNull(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 2, true)));
        var joined = await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, 2, null, null, "6.2.0", "Component", 4200));
        Assert.Equal("InMeeting", joined.Action);
        page.WaitForAssertion(() => Assert.Equal(JoinStep.InMeeting, page.Instance.Step));
    }
}
