namespace ZoomPortal.Features.Join.Sdk;

/// <summary>
/// How browsers get the Zoom Meeting SDK for Web. Bound from <c>Zoom:Sdk</c>. After start-up
/// <see cref="Version"/> and <see cref="UseStandIn"/> hold the effective values.
/// </summary>
public sealed class ZoomSdkOptions
{
    public const string SectionName = "Zoom:Sdk";

    /// <summary>
    /// The SDK version, read from the package the portal ships (<c>@zoom/meetingsdk</c>). Leave it empty; when set it
    /// must match that package. Required only with <see cref="ZoomSdkAssetSource.ZoomCdn"/> and no package present.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>Self-hosted (default) or Zoom's CDN.</summary>
    public ZoomSdkAssetSource AssetSource { get; set; } = ZoomSdkAssetSource.SelfHosted;

    /// <summary>
    /// Load the sandbox's SDK stand-in instead of the real SDK. Defaults to true when <c>Zoom:Mode</c> is Sandbox and
    /// false otherwise; false in Sandbox mode loads the real SDK (which then fails to reach Zoom). Only allowed in Sandbox mode.
    /// </summary>
    public bool? UseStandIn { get; set; }

    /// <summary>
    /// Diagnostics only, Sandbox mode only: SDK <c>init</c> options the join page leaves out (any of
    /// <see cref="LeavableOptions"/>), so the real-SDK tests can observe what Zoom does without one. Empty in any real
    /// deployment; the page's own settings are in README "What the join page sets in the Meeting SDK 6.2.0".
    /// </summary>
    public IList<string> LeaveOut { get; } = [];

    /// <summary>
    /// The options <see cref="LeaveOut"/> may name: <c>isShowJoiningErrorDialog</c> (the Component View's
    /// <c>customize.isShowJoiningErrorDialog</c> and the Client View's own), <c>disablePreview</c> and
    /// <c>onRetryCallback</c> (Client View).
    /// </summary>
    public static IReadOnlyList<string> LeavableOptions { get; } = ["isShowJoiningErrorDialog", "disablePreview", "onRetryCallback"];
}
