namespace ZoomPortal.Features.Join.Sdk;

/// <summary>Where browsers load the real Meeting SDK from.</summary>
public enum ZoomSdkAssetSource
{
    /// <summary>The portal serves the npm package's <c>dist</c> itself under <c>/zoom-sdk/{version}/</c>.</summary>
    SelfHosted,

    /// <summary>Zoom's CDN, <c>https://source.zoom.us/{version}/</c>; only when an administrator chooses it.</summary>
    ZoomCdn,
}
