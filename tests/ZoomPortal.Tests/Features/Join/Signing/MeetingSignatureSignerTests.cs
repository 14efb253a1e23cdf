using System.Text.Json;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Join.Signing;

public sealed class MeetingSignatureSignerTests
{
    private static readonly DateTimeOffset ServerNow = new(2026, 6, 18, 10, 0, 0, 400, TimeSpan.Zero);

    [Fact]
    public void Header_is_exactly_HS256_JWT()
    {
        var signature = SigningTestData.Signer().Sign(85746065432, ZoomRole.Attendee);

        var header = SigningTestData.Header(signature.Token);

        Assert.Equal(["alg", "typ"], header.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
    }

    [Fact]
    public void Payload_has_Zoom_claims_with_numbers_as_numbers_and_appKey_and_mn_as_strings()
    {
        var signature = SigningTestData.Signer().Sign(85746065432, ZoomRole.Host);

        var payload = SigningTestData.Payload(signature.Token);

        Assert.Equal(["appKey", "exp", "iat", "mn", "role", "tokenExp"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, payload.GetProperty("appKey").ValueKind);
        Assert.Equal(SigningTestData.ClientId, payload.GetProperty("appKey").GetString());
        Assert.Equal(JsonValueKind.String, payload.GetProperty("mn").ValueKind);
        Assert.Equal("85746065432", payload.GetProperty("mn").GetString());
        Assert.Equal(JsonValueKind.Number, payload.GetProperty("role").ValueKind);
        Assert.Equal(1, payload.GetProperty("role").GetInt32());
        foreach (var name in new[] { "iat", "exp", "tokenExp" })
        {
            Assert.Equal(JsonValueKind.Number, payload.GetProperty(name).ValueKind);
        }

        Assert.Equal(signature.IssuedAt.ToUnixTimeSeconds(), payload.GetProperty("iat").GetInt64());
        Assert.Equal(signature.ExpiresAt.ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        Assert.Equal(payload.GetProperty("exp").GetInt64(), payload.GetProperty("tokenExp").GetInt64());
    }

    [Fact]
    public void Adds_legacy_sdkKey_only_when_configured()
    {
        var options = SigningTestData.Options();
        options.IncludeLegacySdkKey = true;

        var payload = SigningTestData.Payload(SigningTestData.Signer(options).Sign(123456789, ZoomRole.Attendee).Token);

        Assert.Equal(JsonValueKind.String, payload.GetProperty("sdkKey").ValueKind);
        Assert.Equal(SigningTestData.ClientId, payload.GetProperty("sdkKey").GetString());
        Assert.False(payload.TryGetProperty("video_webrtc_mode", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Adds_video_webrtc_mode_as_a_number_only_when_set(int mode)
    {
        var options = SigningTestData.Options();
        options.VideoWebRtcMode = mode;

        var payload = SigningTestData.Payload(SigningTestData.Signer(options).Sign(123456789, ZoomRole.Attendee).Token);

        Assert.Equal(JsonValueKind.Number, payload.GetProperty("video_webrtc_mode").ValueKind);
        Assert.Equal(mode, payload.GetProperty("video_webrtc_mode").GetInt32());
        Assert.False(payload.TryGetProperty("sdkKey", out _));
    }

    [Theory]
    [InlineData("00:30:00")]
    [InlineData("02:00:00")]
    [InlineData("2.00:00:00")]
    public void Exp_minus_iat_is_the_configured_lifetime(string lifetime)
    {
        var options = SigningTestData.Options();
        options.SignatureLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture);

        var payload = SigningTestData.Payload(SigningTestData.Signer(options).Sign(123456789, ZoomRole.Attendee).Token);

        Assert.Equal((long)options.SignatureLifetime.TotalSeconds, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public void Backdates_iat_on_Zoom_clock_by_margin_plus_uncertainty_floored_to_seconds()
    {
        var options = SigningTestData.Options();
        options.IatMargin = TimeSpan.FromSeconds(30);
        var clock = new FakeZoomClock(ServerNow, offset: TimeSpan.FromSeconds(-95.25), uncertainty: TimeSpan.FromSeconds(2.5));

        var signature = SigningTestData.Signer(options, clock).Sign(123456789, ZoomRole.Attendee);

        // Zoom's now is 09:58:25.150; minus 32.5 s is 09:57:52.650, floored to 09:57:52.
        var expected = new DateTimeOffset(2026, 6, 18, 9, 57, 52, TimeSpan.Zero);
        Assert.Equal(expected, signature.IssuedAt);
        Assert.Equal(expected.ToUnixTimeSeconds(), SigningTestData.Payload(signature.Token).GetProperty("iat").GetInt64());
        Assert.Equal(TimeSpan.FromSeconds(-95.25), signature.ClockOffsetUsed);
        Assert.Equal(TimeSpan.FromSeconds(2.5), signature.ClockUncertainty);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(1_000_000_000_000_000L)]
    public void Refuses_meeting_numbers_outside_1_to_15_digits(long meetingNumber)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SigningTestData.Signer().Sign(meetingNumber, ZoomRole.Attendee));

        Assert.Equal("meetingNumber", error.ParamName);
        Assert.DoesNotContain(SigningTestData.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_largest_15_digit_meeting_number_as_a_string_of_digits()
    {
        var payload = SigningTestData.Payload(SigningTestData.Signer().Sign(MeetingSignatureSigner.MaxMeetingNumber, ZoomRole.Attendee).Token);

        Assert.Equal("999999999999999", payload.GetProperty("mn").GetString());
    }

    [Fact]
    public void ToString_leaves_the_token_out()
    {
        var signature = SigningTestData.Signer().Sign(123456789, ZoomRole.Attendee);

        var text = signature.ToString();

        Assert.DoesNotContain(signature.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(signature.Token.Split('.')[2], text, StringComparison.Ordinal);
        Assert.Contains("MeetingNumber = 123456789", text, StringComparison.Ordinal);
    }
}
