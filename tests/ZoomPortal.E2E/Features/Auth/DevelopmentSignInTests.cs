using System.Text.RegularExpressions;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Auth;

[Collection(DevelopmentPortalTests.Name)]
public sealed partial class DevelopmentSignInTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Fact]
    public Task Signs_in_as_a_host_through_the_development_form_and_returns_to_meetings() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.GotoAsync("/meetings");
            await Expect(page).ToHaveURLAsync(DevelopmentSignInUrl());

            await DevelopmentSignInFlow.SubmitAsync(page, "Grace Host", "Host");

            await Expect(page).ToHaveURLAsync(MeetingsUrl());
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Grace Host");
            var navigation = page.GetByRole(AriaRole.Navigation);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Host", Exact = true })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);
        });

    [GeneratedRegex(@"/authentication/dev-signin\?returnUrl=%2Fmeetings$")]
    private static partial Regex DevelopmentSignInUrl();

    [GeneratedRegex("/meetings$")]
    private static partial Regex MeetingsUrl();
}
