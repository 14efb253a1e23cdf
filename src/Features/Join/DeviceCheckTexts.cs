using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join;

/// <summary>The device check module's words, in the user's language: the level meter's spoken value and unnamed devices' names.</summary>
public sealed record DeviceCheckTexts(
    [property: JsonPropertyName("quiet")] string Quiet,
    [property: JsonPropertyName("heard")] string Heard,
    [property: JsonPropertyName("camera")] string Camera,
    [property: JsonPropertyName("microphone")] string Microphone);
