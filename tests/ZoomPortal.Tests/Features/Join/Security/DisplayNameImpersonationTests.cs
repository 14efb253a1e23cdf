using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Join.Security;

/// <summary>Finding 7 of issue 10, through the join page: a right-to-left override in the name gets no signature.</summary>
public sealed class DisplayNameImpersonationTests
{
    private const string ChromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    [Fact]
    public async Task A_bidi_override_in_the_name_is_refused_by_the_form_and_by_the_signature_call_with_the_character_named()
    {
        await using var harness = await JoinHarness.CreateAsync();
        await using var ctx = new PortalBunitContext(services =>
        {
            services.AddSingleton(harness.Service);
            services.AddSingleton(harness.Recorder);
            services.AddSingleton(Options.Create(new JoinOptions()));
            services.AddSingleton<TimeProvider>(harness.Time);
            services.AddSingleton(new ZoomSdkAssets(Options.Create(new ZoomSdkOptions { Version = "6.2.0", UseStandIn = true })));
            harness.AddMeetingServices(services);
        });
        ctx.Authorization.SetAuthorized("Ada Attendee")
            .SetClaims(new Claim(PortalClaimTypes.UserId, "user-ada"), new Claim(PortalClaimTypes.Email, "ada@example.com"));
        var module = ctx.JSInterop.SetupModule("./src/Features/Join/JoinMeetingPage.razor.js");
        module.Setup<BrowserChecks>("checkBrowser").SetResult(new BrowserChecks(true, true, ChromeOnLinux));
        module.Setup<long>("now").SetResult(harness.Time.GetUtcNow().ToUnixTimeMilliseconds());
        module.SetupVoid("preload").SetVoidResult();

        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));
        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        var input = page.Find("input");
        Assert.Equal("64", input.GetAttribute("maxlength"));

        // The browser first, as a user types it: the form says which character is wrong and does not start.
        await input.InputAsync(new() { Value = "Alice\u202Etsoh.xela" });
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("invisible formatting character (U+202E)", page.Markup, StringComparison.Ordinal));
        Assert.Empty(module.Invocations["join"]);

        // A hostile page skips the form and asks for the signature itself: refused before anything is signed.
        var session = (await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None))!;
        var refused = await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session, 1, false, "Alice\u202Etsoh.xela", null, CancellationToken.None);
        Assert.Null(refused.Ticket);
        Assert.Equal("Your name contains an invisible formatting character (U+202E).", refused.Problem);
        var tooLong = await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session, 1, false, new string('x', 20_000), null, CancellationToken.None);
        Assert.Equal("Your name must be 1 to 64 characters.", tooLong.Problem);
    }
}
