using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ZoomPortal.E2E.Infrastructure.Oidc;

/// <summary>The test provider runs OpenIddict without its stores, so its own client checks must hold.</summary>
[Collection(OidcPortalTests.Name)]
public sealed class TestIdentityProviderTests(OidcPortalFixture portal)
{
    private TestIdentityProvider Provider => portal.Provider;

    [Fact]
    public async Task Redeems_a_code_only_with_the_right_client_secret()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Provider.Authority };
        var redirectUri = new Uri(portal.BaseUrl, "signin-oidc").ToString();
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var authorize = await client.GetAsync(new Uri("connect/authorize?" + Query(new()
        {
            ["client_id"] = TestIdentityProvider.ClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
        Assert.NotEmpty(code);

        Dictionary<string, string> Redeem(string secret) => new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = TestIdentityProvider.ClientId,
            ["client_secret"] = secret,
        };
        using var wrongSecret = new FormUrlEncodedContent(Redeem("wrong-" + Provider.ClientSecret));
        using var rejected = await client.PostAsync(new Uri("connect/token", UriKind.Relative), wrongSecret);
        using var rightSecret = new FormUrlEncodedContent(Redeem(Provider.ClientSecret));
        using var accepted = await client.PostAsync(new Uri("connect/token", UriKind.Relative), rightSecret);

        Assert.Equal("invalid_client", await PropertyAsync(rejected, "error"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotNull(await PropertyAsync(accepted, "id_token"));
    }

    [Fact]
    public async Task Rejects_an_authorization_request_for_an_unregistered_redirect_uri()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Provider.Authority };
        var query = Query(new()
        {
            ["client_id"] = TestIdentityProvider.ClientId,
            ["redirect_uri"] = "http://127.0.0.1:9/signin-oidc",
            ["response_type"] = "code",
            ["scope"] = "openid",
            ["code_challenge"] = new string('c', 43),
            ["code_challenge_method"] = "S256",
        });

        using var response = await client.GetAsync(new Uri("connect/authorize?" + query, UriKind.Relative));

        // Never redirected to the unknown address: the error is answered to the browser directly.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static string Query(Dictionary<string, string> parameters) =>
        string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private static async Task<string?> PropertyAsync(HttpResponseMessage response, string name)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
