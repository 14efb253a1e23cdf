using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join.Sdk;

namespace ZoomPortal.Components;

/// <summary>
/// The headers every response carries (ASVS V3.4): a Content Security Policy with a per-request nonce for the one inline
/// script Blazor renders (the import map), <c>nosniff</c>, a referrer policy and a permissions policy. Only the join
/// pages get what the Zoom Meeting SDK needs: WebAssembly, workers and media from blob URLs, connections to Zoom, and
/// the camera and microphone. No COOP/COEP: the portal does not ask for cross-origin isolation (gallery view uses
/// <c>Zoom:MeetingSdk:VideoWebRtcMode</c> instead), so nothing needs them.
/// </summary>
internal static partial class SecurityHeaders
{
    private const string NonceItem = ".portal.csp-nonce";

    private const string PagePermissions =
        "camera=(), microphone=(), display-capture=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()";

    private const string JoinPermissions =
        "camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()";

    /// <summary>The nonce of this response's CSP, for <c>&lt;ImportMap nonce=…&gt;</c>.</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceItem] as string;

    /// <summary>The Component View and Client View pages, for joining and for starting.</summary>
    public static bool IsJoinPage(PathString path) => JoinPagePath().IsMatch(path.Value ?? string.Empty);

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var sdk = app.Services.GetRequiredService<IOptions<ZoomSdkOptions>>();
        // Sign-out posts a form that redirects to the provider's end-session endpoint; form-action covers that redirect.
        var oidc = app.Services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var provider = oidc.IsConfigured && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? " " + authority.GetLeftPart(UriPartial.Authority)
            : string.Empty;
        app.Use((context, next) =>
        {
            // URL-safe alphabet: the HTML encoder would write + and / of plain base64 as character references.
            var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceItem] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var join = IsJoinPage(context.Request.Path);
                headers.ContentSecurityPolicy = Policy(nonce, join, sdk.Value.AssetSource == ZoomSdkAssetSource.ZoomCdn, provider);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = join ? JoinPermissions : PagePermissions;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    internal static string Policy(string nonce, bool joinPage, bool zoomCdn, string formTargets)
    {
        var cdn = zoomCdn ? " " + ZoomSdkAssets.ZoomCdnBase : string.Empty;
        return joinPage
            ? $"default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'{cdn}; " +
              $"style-src 'self' 'unsafe-inline'{cdn}; img-src 'self' data: blob: https://*.zoom.us; font-src 'self' data:{cdn}; " +
              "connect-src 'self' https://*.zoom.us wss://*.zoom.us https://zoom.us; worker-src 'self' blob:; " +
              $"media-src 'self' blob: mediastream: https://*.zoom.us; object-src 'none'; base-uri 'self'; form-action 'self'{formTargets}; frame-ancestors 'self'"
            : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
              $"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'{formTargets}; frame-ancestors 'self'";
    }

    [GeneratedRegex(@"^/meetings/[0-9]+/(join|start)(/client)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JoinPagePath();
}
