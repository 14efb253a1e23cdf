using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.E2E.Infrastructure.Oidc;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Auth;

/// <summary>Groups that the provider returns only from its userinfo endpoint make Hosts and Admins (a single value or an array).</summary>
[Collection(UserInfoGroupsPortalTests.Name)]
public sealed class UserInfoGroupsTests(BrowserFixture browser, UserInfoGroupsPortalFixture portal)
{
    [Fact]
    public Task A_single_hosts_group_from_userinfo_makes_a_Host() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var user = new TestUser("userinfo-host", "Uma Userinfo", "uma@example.test", [OidcPortalFixture.HostsRole]);
            await portal.Provider.SignInAsAsync(page.Context, user);
            var before = portal.Provider.UserInfoCount;

            await page.GotoAsync("/host");

            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.Name);
            Assert.True(portal.Provider.UserInfoCount > before, "The portal never called the userinfo endpoint.");
            var navigation = page.GetByRole(AriaRole.Navigation);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Host", Exact = true })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);
            Assert.DoesNotContain("/access-denied", page.Url, StringComparison.Ordinal);
        });

    [Fact]
    public Task An_array_of_groups_from_userinfo_makes_an_Admin() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var user = new TestUser("userinfo-admin", "Ulla Userinfo", "ulla@example.test", ["staff", OidcPortalFixture.HostsRole, OidcPortalFixture.AdminsRole]);
            await portal.Provider.SignInAsAsync(page.Context, user);

            await page.GotoAsync("/admin");

            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.Name);
            var navigation = page.GetByRole(AriaRole.Navigation);
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
            Assert.DoesNotContain("/access-denied", page.Url, StringComparison.Ordinal);
        });
}
