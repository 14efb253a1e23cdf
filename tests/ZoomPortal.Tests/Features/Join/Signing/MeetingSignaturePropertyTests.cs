using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Join.Signing;

public sealed class MeetingSignaturePropertyTests
{
    [Property(Arbitrary = [typeof(SkewArbitraries)], MaxTest = 500)]
    public bool Iat_is_never_ahead_of_Zoom_and_lifetime_stays_in_Zoom_window(ClockSkew skew)
    {
        var options = SigningTestData.Options();
        options.SignatureLifetime = skew.Lifetime;
        options.IatMargin = skew.Margin;
        var signer = SigningTestData.Signer(options, new FakeZoomClock(skew.ServerNow, skew.Offset, skew.Uncertainty));

        var signature = signer.Sign(123456789, ZoomRole.Attendee);

        // Zoom's true clock may lie anywhere in offset ± uncertainty: iat must not be ahead of its earliest value.
        var earliestZoomNow = skew.ServerNow + skew.Offset - skew.Uncertainty;
        var lifetime = signature.ExpiresAt.ToUnixTimeSeconds() - signature.IssuedAt.ToUnixTimeSeconds();
        return signature.IssuedAt <= earliestZoomNow && lifetime is >= 1800 and <= 172800;
    }

    public sealed record ClockSkew(DateTimeOffset ServerNow, TimeSpan Offset, TimeSpan Uncertainty, TimeSpan Lifetime, TimeSpan Margin);

    public static class SkewArbitraries
    {
        public static Arbitrary<ClockSkew> Skew() =>
            Arb.From(
                from serverSeconds in Gen.Choose(1_600_000_000, 2_100_000_000)
                from serverMilliseconds in Gen.Choose(0, 999)
                from offsetMilliseconds in Gen.Choose(-86_400_000, 86_400_000)
                from uncertaintyMilliseconds in Gen.Choose(0, 10_000)
                from lifetimeSeconds in Gen.Choose(1800, 172_800)
                from marginMilliseconds in Gen.Choose(0, 600_000)
                select new ClockSkew(
                    DateTimeOffset.FromUnixTimeMilliseconds((serverSeconds * 1000L) + serverMilliseconds),
                    TimeSpan.FromMilliseconds(offsetMilliseconds),
                    TimeSpan.FromMilliseconds(uncertaintyMilliseconds),
                    TimeSpan.FromSeconds(lifetimeSeconds),
                    TimeSpan.FromMilliseconds(marginMilliseconds)));
    }
}
