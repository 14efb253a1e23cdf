using System.Text.Json.Serialization;
using ZoomPortal.Features.Join.Sdk;

namespace ZoomPortal.Features.Join;

/// <summary>What the page gives the JS module's <c>join</c> for one join (JoinMeetingPage.razor.js reads exactly these names).</summary>
/// <param name="JoinId">The join the module reports about; every [JSInvokable] call carries it back.</param>
/// <param name="View">Component (desktop, inside the page) or Client (mobile, Zoom's whole-page UI).</param>
/// <param name="Sdk">Where the loader finds the SDK (the one SDK configuration type).</param>
/// <param name="SdkVersion">The version the server serves; the real Component View's global carries none.</param>
/// <param name="LeaveUrl">Absolute: the Client View navigates there when the user leaves.</param>
/// <param name="RetryUrl">The Client View retries with a fresh page at this URL (same join).</param>
/// <param name="FirstAttempt">The attempt to make first: 1, or the next one on a reloaded Client View page.</param>
/// <param name="Remeasure">Ask the server to re-measure Zoom's clock before signing the first attempt made here.</param>
/// <param name="Language">The SDK's own language for the user's culture (<c>de-DE</c> or <c>en-US</c>, see PortalCultures).</param>
public sealed record JoinModuleOptions(
    [property: JsonPropertyName("joinId")] string JoinId,
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("loaderUrl")] string LoaderUrl,
    [property: JsonPropertyName("sdk")] ZoomSdkClientConfig Sdk,
    [property: JsonPropertyName("sdkVersion")] string SdkVersion,
    [property: JsonPropertyName("loadTimeoutMs")] long LoadTimeoutMs,
    [property: JsonPropertyName("initTimeoutMs")] long InitTimeoutMs,
    [property: JsonPropertyName("joinTimeoutMs")] long JoinTimeoutMs,
    [property: JsonPropertyName("leaveUrl")] string LeaveUrl,
    [property: JsonPropertyName("retryUrl")] string RetryUrl,
    [property: JsonPropertyName("firstAttempt")] int FirstAttempt,
    [property: JsonPropertyName("remeasure")] bool Remeasure,
    [property: JsonPropertyName("language")] string Language = "en-US")
{
    public const string ComponentView = "Component";
    public const string ClientView = "Client";
}
