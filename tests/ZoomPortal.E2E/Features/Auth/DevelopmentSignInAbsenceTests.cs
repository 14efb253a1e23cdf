using System.Net;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Auth;

/// <summary>Outside Development the pick-a-name sign-in must not exist, even with its form posted by hand.</summary>
[Collection(OidcPortalTests.Name)]
public sealed class DevelopmentSignInAbsenceTests(OidcPortalFixture portal)
{
    [Fact]
    public async Task Development_sign_in_page_is_not_found_in_production()
    {
        using var client = portal.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/authentication/dev-signin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Development sign-in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_login_post_signs_nobody_in_in_production()
    {
        using var client = portal.CreateHttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Mallory",
            ["Role"] = "Admin",
            ["ReturnUrl"] = "/admin",
        });

        using var response = await client.PostAsync(new Uri("/authentication/dev-login", UriKind.Relative), form);

        Assert.True(
            response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
            $"Expected 404 or 405, got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("__Host-ZoomPortal=", StringComparison.Ordinal));
    }
}
