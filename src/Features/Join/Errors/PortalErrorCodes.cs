namespace ZoomPortal.Features.Join.Errors;

/// <summary>
/// Failures the portal itself detects around the SDK. Negative and far from Zoom's own codes
/// (Zoom uses -3000 for the Component View's "connection error").
/// </summary>
public static class PortalErrorCodes
{
    /// <summary>An SDK call called neither of its callbacks in time (e.g. a malformed signature in the Client View).</summary>
    public const int SdkTimeout = -90001;

    /// <summary>The SDK's scripts or wasm could not be loaded.</summary>
    public const int SdkLoadFailed = -90002;

    /// <summary>The portal refused to issue a signature (no access, wrong role, meeting gone).</summary>
    public const int SignatureRefused = -90003;

    /// <summary>The browser lacks what the SDK needs (WebAssembly, a secure context…).</summary>
    public const int BrowserUnsupported = -90004;

    /// <summary>The user left the join page before the attempt finished.</summary>
    public const int Abandoned = -90005;
}
