using System.Text.RegularExpressions;
using ZoomPortal.Features.Auth;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Components;

/// <summary>Every kind of response carries the security headers; only the join pages get what the Zoom SDK needs.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly PortalAppFactory _factory = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(_client, "Hedda Headers", PortalRoles.Attendee);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/meetings")]
    [InlineData("/meetings/85598765433")]
    [InlineData("/authentication/dev-signin")]
    [InlineData("/healthz")]
    [InlineData("/favicon.svg")]
    [InlineData("/no-such-page")]
    public async Task Pages_endpoints_and_files_get_a_strict_policy_without_camera_or_microphone(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        AssertCommonHeaders(response, csp);
        Assert.DoesNotContain("wasm-unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("worker-src", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/meetings/85598765433/join")]
    [InlineData("/meetings/85598765433/join/client")]
    public async Task Join_pages_get_wasm_workers_media_Zoom_and_the_camera_and_microphone(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        AssertCommonHeaders(response, csp);
        Assert.Contains("'wasm-unsafe-eval'", Directive(csp, "script-src"), StringComparison.Ordinal);
        Assert.Contains("blob:", Directive(csp, "worker-src"), StringComparison.Ordinal);
        Assert.Contains("blob:", Directive(csp, "media-src"), StringComparison.Ordinal);
        Assert.Contains("wss://*.zoom.us", Directive(csp, "connect-src"), StringComparison.Ordinal);
        Assert.Contains("camera=(self)", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("microphone=(self)", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response_and_a_fresh_one_each_time()
    {
        using var first = await _client.GetAsync(new Uri("/meetings", UriKind.Relative));
        using var second = await _client.GetAsync(new Uri("/meetings", UriKind.Relative));

        var nonce = Nonce(Header(first, "Content-Security-Policy"));
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(nonce, Nonce(Header(second, "Content-Security-Policy")));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response, string csp)
    {
        var scripts = Directive(csp, "script-src");
        Assert.Contains("'self'", scripts, StringComparison.Ordinal);
        Assert.Matches("'nonce-[A-Za-z0-9_-]{24}'", scripts);
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.Equal("'self'", Directive(csp, "frame-ancestors"));
        Assert.Equal("'none'", Directive(csp, "object-src"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri?.AbsolutePath} has no {name} header.");

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..]
        ?? throw new Xunit.Sdk.XunitException($"The policy has no {name}: {csp}");

    private static string Nonce(string csp) => NoncePattern().Match(csp).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
