using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Auth;

/// <summary>Anyone can POST to /signin-oidc: garbage gets a friendly 400 and one warning, never a 500 with a stack trace.</summary>
public sealed class SignInCallbackTests
{
    [Theory]
    [InlineData("state=garbage&code=abc")]
    [InlineData("error=access_denied&error_description=%3Cscript%3E%E2%80%AEx")]
    [InlineData("")]
    public async Task Garbage_posted_to_the_callback_gets_a_friendly_400_and_a_warning_without_a_stack_trace(string form)
    {
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://idp.invalid",
            ["Authentication:Oidc:ClientId"] = "portal",
            ["Database:MigrateAtStartup"] = "true",
        });
        await using var logged = app.WithWebHostBuilder(web => web.ConfigureServices(s => s.AddFakeLogging()));
        using var client = logged.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var logs = logged.Services.GetFakeLogCollector();
        logs.Clear();

        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri("/signin-oidc", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sign-in didn't complete", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("href=\"/authentication/login\"", page, StringComparison.Ordinal);
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.StartsWith("Sign-in callback refused", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.DoesNotContain(records, r => r.Exception is not null);
        Assert.DoesNotContain(records, r => r.Message.Contains('\u202E', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de-DE", "de", "Die Anmeldung wurde nicht abgeschlossen", "gehört zu keiner Anmeldung, die in diesem Browser begonnen wurde", "Erneut anmelden")]
    [InlineData("en-GB", "en", "Sign-in didn't complete", "does not belong to a sign-in started in this browser", "Sign in again")]
    public async Task An_answer_to_a_sign_in_this_browser_did_not_start_says_so_in_the_browsers_language(
        string acceptLanguage, string lang, string heading, string explanation, string signInAgain)
    {
        await using var app = OidcApp();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        // A state the portal really issued, but no correlation cookie: another tab, an old page, or blocked cookies.
        using var response = await PostCallbackAsync(client, $"state={Uri.EscapeDataString(State(app))}&code=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", page, StringComparison.Ordinal);
        Assert.Contains(explanation, page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/authentication/login\">{signInAgain}</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saying_no_at_the_provider_is_told_as_cancelled_in_german_not_as_a_broken_answer()
    {
        await using var app = OidcApp();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Correlation.{Correlation}=N");

        using var response = await PostCallbackAsync(client, $"state={Uri.EscapeDataString(State(app))}&error=access_denied");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-reason=\"Denied\"", page, StringComparison.Ordinal);
        Assert.Contains("Die Anmeldung wurde abgebrochen", page, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", page, StringComparison.Ordinal);
    }

    private const string Correlation = "test-correlation";

    private static PortalAppFactory OidcApp() => new("Production", new Dictionary<string, string?>
    {
        ["Authentication:Oidc:Authority"] = "https://idp.invalid",
        ["Authentication:Oidc:ClientId"] = "portal",
        ["Database:MigrateAtStartup"] = "true",
    });

    /// <summary>The state the portal's OIDC handler would have sent to the provider for a sign-in it started.</summary>
    private static string State(PortalAppFactory app)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { RedirectUri = "/meetings" };
        properties.Items[".xsrf"] = Correlation;
        return options.StateDataFormat.Protect(properties);
    }

    private static async Task<HttpResponseMessage> PostCallbackAsync(HttpClient client, string form)
    {
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri("/signin-oidc", UriKind.Relative), content);
    }
}
