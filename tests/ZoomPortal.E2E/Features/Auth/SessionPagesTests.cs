using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Auth;

/// <summary>The account page and the admins' sign-ins page, as their users see them: readable, accessible, and working.</summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class SessionPagesTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Theory]
    [InlineData(ColorScheme.Light, 1280, 900)]
    [InlineData(ColorScheme.Dark, 412, 915)]
    public Task An_admin_sees_the_sign_ins_and_signs_someone_out_everywhere(ColorScheme scheme, int width, int height) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var someone = await browser.NewPageAsync(portal.BaseUrl);
            try
            {
                var name = $"Sam Session {scheme}";
                await DevelopmentSignInFlow.SignInAsync(someone, name, "Attendee");
                await DevelopmentSignInFlow.SignInAsync(page, $"Ada Sessions {scheme}", "Admin");

                // Click your name: your own sign-ins (on a phone it is in the account menu).
                if (width < 600)
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Account menu" }).ClickAsync();
                }

                await page.GetByTestId("user-name").ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your sign-ins", Level = 1 })).ToBeVisibleAsync();
                await Expect(page.GetByTestId("my-sessions")).ToContainTextAsync("This browser");
                await BrowserFixture.CaptureAsync(page, $"account-{scheme.ToString().ToLowerInvariant()}-{width}");
                await page.AssertNoSeriousViolationsAsync();

                await page.GotoAsync("/admin/sessions");
                var row = page.GetByTestId("active-sessions").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
                await Expect(row).ToHaveCountAsync(1);
                await BrowserFixture.CaptureAsync(page, $"admin-sessions-{scheme.ToString().ToLowerInvariant()}-{width}");
                await page.AssertNoSeriousViolationsAsync();

                await row.GetByRole(AriaRole.Button, new() { Name = $"Sign out everywhere: {name}" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ended 1 sign-in(s).");
                await Expect(page.GetByTestId("active-sessions").GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(0);

                // The person's browser is signed out: its next page is the sign-in.
                await someone.GotoAsync("/meetings");
                await Expect(someone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/authentication/dev-signin"));
            }
            finally
            {
                await someone.Context.CloseAsync();
            }
        }, new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = width, Height = height } });
}
