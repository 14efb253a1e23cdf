using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join;

/// <summary>What the module's <c>checkBrowser()</c> found; browser input, so only read, never trusted.</summary>
public sealed record BrowserChecks(
    [property: JsonPropertyName("secureContext")] bool SecureContext,
    [property: JsonPropertyName("webAssembly")] bool WebAssembly,
    [property: JsonPropertyName("userAgent")] string? UserAgent)
{
    public bool CanJoin => SecureContext && WebAssembly;
}
