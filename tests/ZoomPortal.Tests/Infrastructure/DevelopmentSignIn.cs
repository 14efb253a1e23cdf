using System.Net;
using System.Text.RegularExpressions;

namespace ZoomPortal.Tests.Infrastructure;

/// <summary>Signs an HttpClient in through the real development sign-in form (antiforgery included).</summary>
public static partial class DevelopmentSignIn
{
    public static async Task SignInAsync(HttpClient client, string name, string role, string? email = null, string? groups = null)
    {
        using var response = await PostFormAsync(client, name, role, email, groups);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/meetings", response.Headers.Location?.OriginalString);
    }

    /// <summary>Fetches the form (for its antiforgery token and cookie) and posts it; the caller checks the answer.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string name, string role, string? email = null, string? groups = null)
    {
        var page = await client.GetStringAsync(new Uri("/authentication/dev-signin", UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "The development sign-in page has no antiforgery token.");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Name"] = name,
            ["Role"] = role,
            ["Email"] = email ?? string.Empty,
            ["Groups"] = groups ?? string.Empty,
            ["ReturnUrl"] = "/meetings",
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri("/authentication/dev-login", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
