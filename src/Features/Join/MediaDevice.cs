using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join;

/// <summary>One camera or microphone as <c>enumerateDevices</c> lists it (the id is per site and means nothing elsewhere).</summary>
public sealed record MediaDevice(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label)
{
    public const string VideoInput = "videoinput";
    public const string AudioInput = "audioinput";
}
