using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Benchmarks;

/// <summary>
/// The portal's signer (JsonWebTokenHandler) against the least a signer can do: the same claims written with
/// Utf8JsonWriter and signed with HMACSHA256.HashData, to show what the library costs per token.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const long MeetingNumber = 85746065432;
    private const string ClientId = "benchmark-client-id";
    private const string BenchmarkOnlySecret = "benchmark-only-not-a-real-secret-0123456789";

    // {"alg":"HS256","typ":"JWT"}, base64url.
    private static readonly byte[] EncodedHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"u8.ToArray();
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(BenchmarkOnlySecret);

    private readonly ArrayBufferWriter<byte> _payload = new(256);
    private MeetingSignatureSigner _signer = null!;
    private long _iat;

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var options = new MeetingSdkOptions { ClientId = ClientId, ClientSecret = BenchmarkOnlySecret };
        _signer = new MeetingSignatureSigner(Options.Create(options), new FixedZoomClock(now), NullLogger<MeetingSignatureSigner>.Instance);
        var reference = _signer.Sign(MeetingNumber, ZoomRole.Attendee);
        _iat = reference.IssuedAt.ToUnixTimeSeconds();

        // The baseline is only a fair comparison if it produces the very same token.
        if (HandWritten(MeetingNumber, 0) != reference.Token)
        {
            throw new InvalidOperationException("The hand-written baseline does not produce the signer's token; the comparison would be meaningless.");
        }
    }

    [Benchmark(Baseline = true)]
    public string HandWritten_Utf8JsonWriter_HMACSHA256() => HandWritten(MeetingNumber, 0);

    [Benchmark]
    public string MeetingSignatureSigner_Sign() => _signer.Sign(MeetingNumber, ZoomRole.Attendee).Token;

    private string HandWritten(long meetingNumber, int role)
    {
        _payload.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_payload))
        {
            json.WriteStartObject();
            json.WriteString("appKey", ClientId);
            json.WriteString("mn", meetingNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("role", role);
            json.WriteNumber("iat", _iat);
            json.WriteNumber("exp", _iat + 7200);
            json.WriteNumber("tokenExp", _iat + 7200);
            json.WriteEndObject();
        }

        var payloadLength = Base64Url.GetEncodedLength(_payload.WrittenCount);
        var signedLength = EncodedHeader.Length + 1 + payloadLength;
        var token = new byte[signedLength + 1 + Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes)];
        EncodedHeader.CopyTo(token, 0);
        token[EncodedHeader.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(_payload.WrittenSpan, token.AsSpan(EncodedHeader.Length + 1));
        token[signedLength] = (byte)'.';
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Key, token.AsSpan(0, signedLength), mac);
        Base64Url.EncodeToUtf8(mac, token.AsSpan(signedLength + 1));
        return Encoding.ASCII.GetString(token);
    }
}
