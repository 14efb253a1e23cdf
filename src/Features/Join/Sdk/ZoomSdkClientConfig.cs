using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join.Sdk;

/// <summary>
/// The one SDK configuration the browser gets: what the JS loader (<see cref="ZoomSdkAssets.LoaderUrl"/>) needs, as
/// <c>{ standIn, assetBase, sandboxEndpoint }</c>. Pages pass it unchanged to <c>loadComponentView</c>,
/// <c>loadClientView</c> or <c>preload</c>.
/// </summary>
/// <param name="StandIn">True: the sandbox's stand-in SDK; false: the real Meeting SDK.</param>
/// <param name="AssetBase">
/// The real SDK's folder, e.g. <c>/zoom-sdk/6.2.0</c> or <c>https://source.zoom.us/6.2.0</c>. The loader holds the one
/// asset-path rule: every asset URL is its <c>assetUrl(config, file)</c> = <c>AssetBase + '/' + file</c>, and the Component
/// View's <c>init({ assetPath })</c> is <c>assetPathOf(config)</c>, that URL for <c>lib/av</c> made absolute against the page.
/// </param>
/// <param name="SandboxEndpoint">Where the stand-in checks joins (<c>/zoom-sandbox/web/join</c>); null unless in Sandbox mode.</param>
/// <param name="LeaveOut">
/// Diagnostics (<c>Zoom:Sdk:LeaveOut</c>, Sandbox mode only): SDK init options the join module leaves out; null when none.
/// </param>
public sealed record ZoomSdkClientConfig(
    [property: JsonPropertyName("standIn")] bool StandIn,
    [property: JsonPropertyName("assetBase")] string AssetBase,
    [property: JsonPropertyName("sandboxEndpoint")] string? SandboxEndpoint,
    [property: JsonPropertyName("leaveOut"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? LeaveOut = null);
