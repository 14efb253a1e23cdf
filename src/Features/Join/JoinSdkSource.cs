using System.Text.Json.Serialization;
using ZoomPortal.Features.Join.Sdk;

namespace ZoomPortal.Features.Join;

/// <summary>Where the join page loads the Meeting SDK from: the loader module and its config, for the current settings.</summary>
public sealed class JoinSdkSource(ZoomSdkAssets assets)
{
    public const string LoaderUrl = ZoomSdkAssets.LoaderUrl;

    public string SdkVersion => assets.Version;

    public JoinSdkConfig Config { get; } = new(assets.StandIn, assets.AssetBase, assets.ClientConfig.SandboxEndpoint ?? string.Empty);
}

/// <summary>The config object the SDK loader's <c>loadComponentView</c>, <c>loadClientView</c> and <c>preload</c> take.</summary>
public sealed record JoinSdkConfig(
    [property: JsonPropertyName("standIn")] bool StandIn,
    [property: JsonPropertyName("assetBase")] string AssetBase,
    [property: JsonPropertyName("sandboxEndpoint")] string SandboxEndpoint);
