using System.Net;
using System.Text.RegularExpressions;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.E2E.Infrastructure.Oidc;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Auth;

[Collection(OidcPortalTests.Name)]
public sealed partial class OidcSignInTests(BrowserFixture browser, OidcPortalFixture portal)
{
    private const string AuthCookie = "__Host-ZoomPortal";

    private TestIdentityProvider Provider => portal.Provider;

    [Fact]
    public Task Signs_in_through_the_provider_and_out_through_its_end_session_endpoint() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var user = new TestUser("oidc-roundtrip", "Olivia Roundtrip", "olivia@example.test", [OidcPortalFixture.HostsRole]);
            await Provider.SignInAsAsync(page.Context, user);
            var signInsBefore = Provider.AuthorizationCount;

            await page.GotoAsync("/meetings");

            await Expect(page).ToHaveURLAsync(MeetingsUrl());
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.Name);
            Assert.Equal(signInsBefore + 1, Provider.AuthorizationCount);
            var cookie = Assert.Single(await page.Context.CookiesAsync([portal.BaseUrl.ToString()]), c => c.Name == AuthCookie);
            Assert.True(cookie.Secure && cookie.HttpOnly, "The portal's auth cookie must stay Secure and HttpOnly.");

            await page.WaitUntilInteractiveAsync();
            var signOutsBefore = Provider.EndSessionCount;
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(portal.BaseUrl.ToString());
            await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);
            Assert.Equal(signOutsBefore + 1, Provider.EndSessionCount);
            Assert.DoesNotContain(await page.Context.CookiesAsync([portal.BaseUrl.ToString()]), c => c.Name == AuthCookie);

            // Same cookie jar as the page: the portal no longer knows this browser and sends it to sign in.
            var response = await page.Context.APIRequest.GetAsync("/meetings", new() { MaxRedirects = 0 });
            Assert.Equal((int)HttpStatusCode.Redirect, response.Status);
            Assert.StartsWith("/authentication/login", new Uri(portal.BaseUrl, response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        });

    [Fact]
    public Task A_cookie_copied_before_sign_out_opens_nothing_afterwards() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var user = new TestUser("oidc-replay", "Rory Replay", "rory@example.test", []);
            await Provider.SignInAsAsync(page.Context, user);
            await page.GotoAsync("/meetings");
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.Name);
            var stolen = Assert.Single(await page.Context.CookiesAsync([portal.BaseUrl.ToString()]), c => c.Name == AuthCookie);

            await page.WaitUntilInteractiveAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);

            // Another machine that copied the cookie before the sign-out.
            var thief = (await browser.NewPageAsync(portal.BaseUrl)).Context;
            try
            {
                var replay = await thief.APIRequest.GetAsync("/meetings", new()
                {
                    MaxRedirects = 0,
                    Headers = new Dictionary<string, string> { ["Cookie"] = $"{stolen.Name}={stolen.Value}" },
                });
                Assert.Equal((int)HttpStatusCode.Redirect, replay.Status);
                Assert.StartsWith("/authentication/login", new Uri(portal.BaseUrl, replay.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
            }
            finally
            {
                await thief.CloseAsync();
            }
        });

    [Fact]
    public Task Sign_out_everywhere_ends_the_open_page_on_another_device() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var user = new TestUser("oidc-everywhere", "Eve Everywhere", "eve@example.test", [OidcPortalFixture.HostsRole, OidcPortalFixture.AdminsRole]);
            await Provider.SignInAsAsync(page.Context, user);
            await page.GotoAsync("/admin/health");
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.Name);
            await page.WaitUntilInteractiveAsync();
            var backToSignIn = page.WaitForRequestAsync(r => r.Url.Contains("/authentication/login", StringComparison.Ordinal), new() { Timeout = 30_000 });

            // The same person on a second device ends every sign-in from the account page.
            var phonePage = await browser.NewPageAsync(portal.BaseUrl);
            try
            {
                await Provider.SignInAsAsync(phonePage.Context, user);
                await phonePage.GotoAsync("/account");
                // A header row and one row per sign-in: this device and the first one.
                await Expect(phonePage.GetByTestId("my-sessions").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
                await phonePage.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
                await Expect(phonePage.GetByTestId("user-name")).ToHaveCountAsync(0);
            }
            finally
            {
                await phonePage.Context.CloseAsync();
            }

            // The first device's open page (its circuit) learns at once and goes back to the sign-in.
            await backToSignIn;
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Shows_the_admin_link_only_to_users_with_the_admins_role(bool isAdmin) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            string[] roles = isAdmin ? [OidcPortalFixture.HostsRole, OidcPortalFixture.AdminsRole] : [OidcPortalFixture.HostsRole];
            var user = new TestUser($"roles-{isAdmin}", isAdmin ? "Ada Admin" : "Hana Host", "someone@example.test", roles);
            await Provider.SignInAsAsync(page.Context, user);

            await page.GotoAsync("/meetings");

            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.Name);
            var navigation = page.GetByRole(AriaRole.Navigation);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Host", Exact = true })).ToBeVisibleAsync();
            var admin = navigation.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true });
            if (isAdmin)
            {
                await Expect(admin).ToBeVisibleAsync();
            }
            else
            {
                await Expect(admin).ToHaveCountAsync(0);
            }
        });

    [GeneratedRegex("/meetings$")]
    private static partial Regex MeetingsUrl();
}
