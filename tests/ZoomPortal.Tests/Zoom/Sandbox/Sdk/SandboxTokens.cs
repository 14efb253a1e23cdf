using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Zoom.Sandbox.Sdk;

/// <summary>Hand-made Meeting SDK JWTs, so each test can break exactly one thing about them.</summary>
internal static class SandboxTokens
{
    public static JsonObject Claims(long meetingNumber, int role, long iat, long lifetimeSeconds = 7200) => new()
    {
        ["appKey"] = ZoomSandboxAccount.MeetingSdkClientId,
        ["mn"] = meetingNumber.ToString(CultureInfo.InvariantCulture),
        ["role"] = role,
        ["iat"] = iat,
        ["exp"] = iat + lifetimeSeconds,
        ["tokenExp"] = iat + lifetimeSeconds,
    };

    public static string Sign(JsonObject claims, string alg = "HS256", string secret = ZoomSandboxAccount.MeetingSdkClientSecret)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }));
        var payload = Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Encode(mac);
    }

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
