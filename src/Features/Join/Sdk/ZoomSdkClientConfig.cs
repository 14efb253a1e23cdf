using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join.Sdk;

/// <summary>
/// The one SDK configuration the browser gets: what the JS loader (<see cref="ZoomSdkAssets.LoaderUrl"/>) needs, as
/// <c>{ standIn, assetBase, sandboxEndpoint }</c>. Pages pass it unchanged to <c>loadComponentView</c>,
/// <c>loadClientView</c> or <c>preload</c>.
/// </summary>
/// <param name="StandIn">True: the sandbox's stand-in SDK; false: the real Meeting SDK.</param>
/// <param name="AssetBase">
/// The real SDK's folder, e.g. <c>/zoom-sdk/6.2.0</c> or <c>https://source.zoom.us/6.2.0</c>. Every asset URL is
/// <c>AssetBase + '/' + file</c> (<see cref="ZoomSdkAssets.AssetUrl"/>, the loader's <c>assetUrl</c>); the Component View's
/// <c>init({ assetPath })</c> is that URL for <c>lib/av</c>, made absolute against the page (the loader's <c>assetPathOf</c>).
/// </param>
/// <param name="SandboxEndpoint">Where the stand-in checks joins (<c>/zoom-sandbox/web/join</c>); null unless in Sandbox mode.</param>
public sealed record ZoomSdkClientConfig(
    [property: JsonPropertyName("standIn")] bool StandIn,
    [property: JsonPropertyName("assetBase")] string AssetBase,
    [property: JsonPropertyName("sandboxEndpoint")] string? SandboxEndpoint);
