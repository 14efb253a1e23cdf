using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Features.Join.Security;

/// <summary>Nobody gets a Meeting SDK signature without signing in: not from the join pages, not from any endpoint.</summary>
public sealed partial class AnonymousSignatureTests : IAsyncLifetime, IAsyncDisposable
{
    private const long MeetingId = 84512345671;
    private readonly PortalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    // xunit v2 calls IAsyncLifetime's; this one satisfies owners of disposables (the factory ignores a second call).
    ValueTask IAsyncDisposable.DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("join")]
    [InlineData("start")]
    [InlineData("join/client")]
    [InlineData("start/client")]
    public async Task Anonymous_request_for_a_join_page_is_sent_to_sign_in(string action)
    {
        using var client = _factory.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri($"/meetings/{MeetingId}/{action}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/authentication/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_endpoint_answers_an_anonymous_caller_with_a_signature_a_secret_or_a_ZAK()
    {
        using var client = _factory.CreateHttpsClient();
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var checkedRequests = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var path = PathOf(endpoint);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var headers = response.Headers.ToString() + response.Content.Headers;
                checkedRequests.Add($"{method} {path} -> {(int)response.StatusCode}");
                foreach (var text in new[] { body, headers })
                {
                    Assert.False(ContainsSignature(text), $"{method} {path} answered an anonymous caller with a Meeting SDK signature.");
                    Assert.DoesNotContain(SandboxSdkCredentials.ClientSecret, text, StringComparison.Ordinal);
                    Assert.DoesNotContain(ZoomSandboxAccount.ClientSecret, text, StringComparison.Ordinal);
                    Assert.DoesNotContain("sbxzak.", text, StringComparison.Ordinal);
                }
            }
        }

        Assert.Contains(checkedRequests, r => r.StartsWith($"GET /meetings/{MeetingId}/join -> 302", StringComparison.Ordinal));
    }

    /// <summary>The route with each parameter filled: {id} with a meeting every signed-in user may join, others with "x".</summary>
    private static string PathOf(RouteEndpoint endpoint)
    {
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "id" or "Id" } => MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "x",
        })));
        return "/" + string.Join('/', segments);
    }

    /// <summary>Whether the text holds an HS256 JWT that verifies with the Meeting SDK secret.</summary>
    private static bool ContainsSignature(string text)
    {
        var key = Encoding.UTF8.GetBytes(SandboxSdkCredentials.ClientSecret);
        foreach (Match match in Jwt().Matches(text))
        {
            var parts = match.Value.Split('.');
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (Base64Url.IsValid(parts[2]) && CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();
}
