using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Infrastructure;

/// <summary>Settings that run the portal in Live mode against a Zoom-compatible server on loopback.</summary>
internal static class ZoomTestSettings
{
    public static Dictionary<string, string?> LiveAgainst(ZoomSandboxServer zoom)
    {
        ArgumentNullException.ThrowIfNull(zoom);
        return new Dictionary<string, string?>
        {
            ["Zoom:Mode"] = "Live",
            ["Zoom:Api:BaseUrl"] = zoom.BaseUrl.ToString(),
            ["Zoom:Api:OAuthUrl"] = zoom.OAuthUrl.ToString(),
            ["Zoom:Api:AccountId"] = ZoomSandboxAccount.AccountId,
            ["Zoom:Api:ClientId"] = ZoomSandboxAccount.ClientId,
            ["Zoom:Api:ClientSecret"] = ZoomSandboxAccount.ClientSecret,
            ["Zoom:MeetingSdk:ClientId"] = "live-test-sdk-key",
            ["Zoom:MeetingSdk:ClientSecret"] = "live-test-sdk-secret-0123456789abcdef",
        };
    }
}
