using System.Text.Json.Serialization;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Join;

/// <summary>
/// Where the join page loads the Meeting SDK from: the loader module and its config. The one place to change when the
/// SDK hosting (src/Features/Join/Sdk) provides <c>ZoomSdkClientConfig</c>.
/// </summary>
public sealed class JoinSdkSource(IConfiguration configuration, IHostEnvironment environment)
{
    public const string LoaderUrl = "/zoom-sdk/loader.js";

    public const string SdkVersion = "6.2.0";

    public JoinSdkConfig Config { get; } = new(
        ZoomModeReader.IsSandbox(configuration, environment) == true,
        "/zoom-sdk/" + SdkVersion,
        "/zoom-sandbox/web/join");
}

/// <summary>The config object the SDK loader's <c>loadComponentView</c>, <c>loadClientView</c> and <c>preload</c> take.</summary>
public sealed record JoinSdkConfig(
    [property: JsonPropertyName("standIn")] bool StandIn,
    [property: JsonPropertyName("assetBase")] string AssetBase,
    [property: JsonPropertyName("sandboxEndpoint")] string SandboxEndpoint);
