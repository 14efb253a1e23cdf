namespace ZoomPortal.Features.Join.Sdk;

/// <summary>
/// What the JS loader (<see cref="ZoomSdkAssets.LoaderUrl"/>) needs, as <c>{ standIn, assetBase, sandboxEndpoint }</c>
/// once serialized for JS interop. Pass it unchanged to <c>loadComponentView</c>, <c>loadClientView</c> or <c>preload</c>.
/// </summary>
/// <param name="StandIn">True: the sandbox's stand-in SDK; false: the real Meeting SDK.</param>
/// <param name="AssetBase">
/// The real SDK's folder, e.g. <c>/zoom-sdk/6.2.0</c> or <c>https://source.zoom.us/6.2.0</c>. The Component View's
/// <c>init({ assetPath })</c> is <c>location.origin + AssetBase + '/lib/av'</c> (or <c>AssetBase + '/lib/av'</c> when absolute).
/// </param>
/// <param name="SandboxEndpoint">Where the stand-in checks joins (<c>/zoom-sandbox/web/join</c>); null unless in Sandbox mode.</param>
public sealed record ZoomSdkClientConfig(bool StandIn, string AssetBase, string? SandboxEndpoint);
