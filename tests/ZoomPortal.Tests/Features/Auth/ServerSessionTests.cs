using System.Net;
using System.Text.RegularExpressions;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Auth;

/// <summary>
/// The sign-in cookie names a session the server can end (ASVS 5.0 V7.4.1): a cookie kept from before a sign-out,
/// a "sign out everywhere" or an administrator's action opens nothing.
/// </summary>
public sealed partial class ServerSessionTests : IClassFixture<AuthenticationTests.DevelopmentApp>
{
    private const string CookieName = "__Host-ZoomPortal";
    private readonly PortalAppFactory _app;

    public ServerSessionTests(AuthenticationTests.DevelopmentApp app) => _app = app.Factory;

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_sent_to_sign_in()
    {
        using var browser = _app.CreateHttpsClient();
        var cookie = await SignInAsync(browser, "Rita Replay", "Attendee");
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/meetings"));

        using var signOut = await PostFormAsync(browser, "/authentication/logout", new() { ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var replay = await GetWithCookieAsync(cookie, "/meetings");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/authentication/login", replay.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_that_user_and_no_one_elses()
    {
        using var laptop = _app.CreateHttpsClient();
        using var phone = _app.CreateHttpsClient();
        using var colleague = _app.CreateHttpsClient();
        var laptopCookie = await SignInAsync(laptop, "Evan Everywhere", "Attendee");
        var phoneCookie = await SignInAsync(phone, "Evan Everywhere", "Attendee");
        var colleagueCookie = await SignInAsync(colleague, "Cora Colleague", "Attendee");

        using var everywhere = await PostFormAsync(phone, "/authentication/logout-everywhere", new() { ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(laptopCookie, "/meetings"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(phoneCookie, "/meetings"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(colleagueCookie, "/meetings"));
    }

    [Fact]
    public async Task An_admin_signs_a_person_out_everywhere_and_an_attendee_cannot()
    {
        using var admin = _app.CreateHttpsClient();
        using var target = _app.CreateHttpsClient();
        using var attendee = _app.CreateHttpsClient();
        await SignInAsync(admin, "Adam Admin", "Admin");
        var targetCookie = await SignInAsync(target, "Tess Target", "Attendee");
        await SignInAsync(attendee, "Mal Attendee", "Attendee");

        using var refused = await PostFormAsync(attendee, "/admin/sessions/end", new() { ["userId"] = "dev-tess-target" }, tokenFrom: "/account");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(targetCookie, "/meetings"));

        var list = await admin.GetStringAsync(new Uri("/admin/sessions", UriKind.Relative));
        Assert.Contains("Tess Target", list, StringComparison.Ordinal);
        using var ended = await PostFormAsync(admin, "/admin/sessions/end", new() { ["userId"] = "dev-tess-target" }, tokenFrom: "/admin/sessions");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/admin/sessions?ended=1", ended.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(targetCookie, "/meetings"));
        Assert.DoesNotContain("Tess Target", await admin.GetStringAsync(new Uri("/admin/sessions", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_lists_this_browsers_sign_in()
    {
        using var browser = _app.CreateHttpsClient();
        await SignInAsync(browser, "Liz List", "Attendee");

        var page = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));

        Assert.Contains("This browser", page, StringComparison.Ordinal);
        Assert.Contains("Sign out everywhere", page, StringComparison.Ordinal);
    }

    private static async Task<string> SignInAsync(HttpClient client, string name, string role)
    {
        using var response = await DevelopmentSignIn.PostFormAsync(client, name, role);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>A request from "another machine" that holds only a copy of the cookie.</summary>
    private async Task<HttpResponseMessage> GetWithCookieAsync(string cookie, string path)
    {
        using var replayer = _app.CreateDefaultClient(new Uri("https://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await replayer.SendAsync(request);
    }

    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie, string path)
    {
        using var response = await GetWithCookieAsync(cookie, path);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, string tokenFrom = "/account")
    {
        var page = await client.GetStringAsync(new Uri(tokenFrom, UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{tokenFrom} has no antiforgery token.");
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
