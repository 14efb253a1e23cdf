using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
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
        Assert.Contains("Sign-in didn't complete", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/authentication/login\"", page, StringComparison.Ordinal);
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.StartsWith("Sign-in callback refused", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.DoesNotContain(records, r => r.Exception is not null);
        Assert.DoesNotContain(records, r => r.Message.Contains('\u202E', StringComparison.Ordinal));
    }
}
