using Microsoft.Extensions.Options;
using ZoomPortal.Zoom.Sandbox.Sdk;

namespace ZoomPortal.Features.Join.Sdk;

/// <summary>
/// Where the browser finds the Meeting SDK and the loader, for the current settings. The join page imports
/// <see cref="LoaderUrl"/> and passes <see cref="ClientConfig"/> to its functions.
/// </summary>
public sealed class ZoomSdkAssets
{
    /// <summary>The ES module with <c>loadComponentView</c>, <c>loadClientView</c> and <c>preload</c>: <c>import('/zoom-sdk/loader.js')</c>.</summary>
    public const string LoaderUrl = "/zoom-sdk/loader.js";

    /// <summary>Self-hosted SDK files live under <c>/zoom-sdk/{version}/</c> (the package's <c>dist</c> folder).</summary>
    public const string SelfHostedPath = "/zoom-sdk";

    public const string ZoomCdnBase = "https://source.zoom.us";

    public ZoomSdkAssets(IOptions<ZoomSdkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        // Without the package only the stand-in can run (validation saw to that); its asset base then leads nowhere.
        Version = value.Version ?? "missing";
        AssetBase = value.AssetSource == ZoomSdkAssetSource.ZoomCdn ? $"{ZoomCdnBase}/{Version}" : $"{SelfHostedPath}/{Version}";
        StandIn = value.UseStandIn == true;
        ClientConfig = new ZoomSdkClientConfig(StandIn, AssetBase, StandIn ? SandboxSdkEndpoints.JoinPath : null,
            value.LeaveOut.Count == 0 ? null : [.. value.LeaveOut]);
    }

    public string Version { get; }

    /// <summary>The real SDK's folder, e.g. <c>/zoom-sdk/6.2.0</c>; the Component View's assetPath is this plus <c>/lib/av</c>.</summary>
    public string AssetBase { get; }

    public bool StandIn { get; }

    /// <summary>The loader's <c>config</c> argument.</summary>
    public ZoomSdkClientConfig ClientConfig { get; }
}
