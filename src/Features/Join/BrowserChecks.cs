using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join;

/// <summary>What the module's <c>checkBrowser()</c> found; browser input, so only read, never trusted.</summary>
public sealed record BrowserChecks(
    [property: JsonPropertyName("secureContext")] bool SecureContext,
    [property: JsonPropertyName("webAssembly")] bool WebAssembly,
    [property: JsonPropertyName("camera")] string? Camera,
    [property: JsonPropertyName("microphone")] string? Microphone,
    [property: JsonPropertyName("userAgent")] string? UserAgent)
{
    public bool CanJoin => SecureContext && WebAssembly;

    public static string Advice(string? permission, string device) => permission switch
    {
        "granted" => $"Your {device} is allowed.",
        "denied" => $"Your browser blocks the {device} for this site. You can still join; allow it in the site settings to be seen or heard.",
        "prompt" => $"Your browser will ask to use your {device} when the meeting starts.",
        _ => $"We can't tell whether your {device} is allowed; your browser will ask if needed.",
    };
}
