using System.Net;
using Microsoft.Extensions.Options;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Auth;

public sealed class AuthenticationTests : IClassFixture<AuthenticationTests.DevelopmentApp>
{
    private readonly PortalAppFactory _app;

    public AuthenticationTests(DevelopmentApp app) => _app = app.Factory;

    [Fact]
    public async Task Anonymous_request_to_a_protected_page_is_challenged()
    {
        using var client = _app.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri("/meetings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/authentication/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fmeetings", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_without_a_provider_in_development_leads_to_the_development_sign_in()
    {
        using var client = _app.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri("/authentication/login?returnUrl=%2Fmeetings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/authentication/dev-signin?returnUrl=%2Fmeetings", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_ignores_a_return_url_to_another_site()
    {
        using var client = _app.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri("/authentication/login?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative));

        Assert.Equal("/authentication/dev-signin?returnUrl=%2Fmeetings", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Development_sign_in_sets_a_host_only_secure_cookie_and_opens_the_meetings_page()
    {
        using var client = _app.CreateHttpsClient(followRedirects: false);

        await DevelopmentSignIn.SignInAsync(client, "Hal Host", "Host");
        using var page = await client.GetAsync(new Uri("/meetings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Hal Host", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/host\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_sign_in_cookie_is_host_prefixed_secure_and_http_only()
    {
        using var client = _app.CreateHttpsClient();

        using var response = await DevelopmentSignIn.PostFormAsync(client, "Ada", "Attendee");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ZoomPortal=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_sign_in_without_antiforgery_token_is_refused()
    {
        using var client = _app.CreateHttpsClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Mallory", ["Role"] = "Admin", ["ReturnUrl"] = "/" });

        using var response = await client.PostAsync(new Uri("/authentication/dev-login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-ZoomPortal=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Development_sign_in_with_a_bad_role_explains_and_signs_nobody_in()
    {
        using var client = _app.CreateHttpsClient();

        using var response = await DevelopmentSignIn.PostFormAsync(client, "Mallory", "Root");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var errorPage = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Choose Attendee, Host or Admin.", errorPage, StringComparison.Ordinal);
        using var meetings = await client.GetAsync(new Uri("/meetings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, meetings.StatusCode);
    }

    [Fact]
    public async Task The_development_sign_in_page_shows_only_its_own_error_messages()
    {
        using var client = _app.CreateHttpsClient();

        var page = await client.GetStringAsync(new Uri("/authentication/dev-signin?error=Your+account+is+locked.+Call+0900", UriKind.Relative));

        Assert.DoesNotContain("Call 0900", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_requires_a_post_with_antiforgery()
    {
        using var client = _app.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Ada", "Attendee");

        using var get = await client.GetAsync(new Uri("/authentication/logout", UriKind.Relative));
        using var withoutToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });
        using var forged = await client.PostAsync(new Uri("/authentication/logout", UriKind.Relative), withoutToken);
        using var stillIn = await client.GetAsync(new Uri("/meetings", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public void Session_defaults_are_thirty_minutes_sliding_and_twelve_hours_absolute()
    {
        var session = _app.Services.GetRequiredService<IOptions<ZoomPortal.Features.Auth.SessionOptions>>().Value;
        var cookie = _app.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.FromHours(12), session.AbsoluteLifetime);
    }

    public sealed class DevelopmentApp : IAsyncLifetime
    {
        public PortalAppFactory Factory { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
