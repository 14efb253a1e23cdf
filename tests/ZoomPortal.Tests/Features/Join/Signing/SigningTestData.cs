using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Join.Signing;

internal static class SigningTestData
{
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "test-secret-0123456789-abcdefghijklmnop";

    public static MeetingSdkOptions Options() => new() { ClientId = ClientId, ClientSecret = ClientSecret };

    public static MeetingSignatureSigner Signer(MeetingSdkOptions? options = null, IZoomClock? clock = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()),
            clock ?? new FakeZoomClock(DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.Zero),
            NullLogger<MeetingSignatureSigner>.Instance);

    public static JsonElement Header(string token) => DecodePart(token, 0);

    public static JsonElement Payload(string token) => DecodePart(token, 1);

    private static JsonElement DecodePart(string token, int index)
    {
        var part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
        return document.RootElement.Clone();
    }
}
