using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Join.Signing;

/// <summary>
/// The widening window, checked against Zoom's rules (iat ≤ its now &lt; exp, 1800 s ≤ exp − iat ≤ 48 h) with Zoom's web
/// clock anywhere within ±24 h of the clock the portal measures, and that measurement itself off by up to 10 minutes.
/// </summary>
public sealed class SignatureWindowScheduleTests
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 2000)]
    public Property Any_disagreement_within_a_day_gets_in_within_max_attempts(Join join)
    {
        var signed = Simulate(join, TimeSpan.FromHours(48));
        return (signed.Exists(s => s.Valid) && signed.All(s => s.LengthSeconds is >= 1800 and <= 172_800))
            .Label($"skew {join.ZoomWebSkew}: " + string.Join("; ", signed));
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 1000)]
    public Property No_window_is_ever_wider_than_the_cap_or_outside_zooms_bounds(Join join, CapChoice cap)
    {
        var signed = Simulate(join, cap.Value);
        return signed.All(s => s.LengthSeconds >= 1800 && s.LengthSeconds <= Math.Max(1800, (long)cap.Value.TotalSeconds))
            .Label($"cap {cap.Value}: " + string.Join("; ", signed));
    }

    [Fact]
    public void Zoom_7_minutes_behind_its_API_widens_iat_earlier_on_attempt_2_and_gets_in()
    {
        var join = new Join(TimeSpan.Zero, TimeSpan.FromMinutes(-7), [Attempt.Exact, Attempt.Exact, Attempt.Exact]);

        var signed = Simulate(join, TimeSpan.FromHours(48));

        Assert.Equal([(false, SignatureWindowKind.Measured), (true, SignatureWindowKind.WidenedEarlier)], signed.Select(s => (s.Valid, s.Kind)));
        // Only as wide as the evidence needs: twice the lifetime, not the 48 h cap.
        Assert.Equal(4 * 3600, signed[1].LengthSeconds);
    }

    [Fact]
    public void Zoom_3_hours_ahead_moves_exp_later_on_attempt_2_and_gets_in()
    {
        var join = new Join(TimeSpan.Zero, TimeSpan.FromHours(3), [Attempt.Exact, Attempt.Exact, Attempt.Exact]);

        var signed = Simulate(join, TimeSpan.FromHours(48));

        Assert.Equal([(false, SignatureWindowKind.Measured), (true, SignatureWindowKind.WidenedLater)], signed.Select(s => (s.Valid, s.Kind)));
    }

    [Fact]
    public void A_rejection_the_remeasured_clock_explains_is_signed_around_the_new_measurement()
    {
        var window = SignatureWindowSchedule.Plan(TimeSpan.FromMinutes(-7), Margin, Lifetime, TimeSpan.FromHours(48),
            [new SignatureRejection(-Margin, Lifetime - Margin, Expired: false)], lastAttempt: false);

        Assert.Equal(new SignatureWindow(TimeSpan.FromMinutes(-7) - Margin, TimeSpan.FromMinutes(-7) - Margin + Lifetime, SignatureWindowKind.Measured), window);
    }

    [Fact]
    public void A_day_behind_is_reached_on_the_last_attempt_with_the_full_cap()
    {
        var join = new Join(TimeSpan.Zero, TimeSpan.FromHours(-24), [Attempt.Exact, Attempt.Exact, Attempt.Exact]);

        var signed = Simulate(join, TimeSpan.FromHours(48));

        Assert.Equal([false, false, true], signed.Select(s => s.Valid));
        Assert.Equal(172_800, signed[2].LengthSeconds);
    }

    /// <summary>Signs each attempt with the real signer, checks it as Zoom would, and feeds rejections back as the recorder does.</summary>
    private static List<SignedAttempt> Simulate(Join join, TimeSpan cap)
    {
        var serverNow = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var rejections = new List<SignatureRejection>();
        var signed = new List<SignedAttempt>();
        for (var number = 1; number <= MaxAttempts; number++)
        {
            var attempt = join.Attempts[number - 1];
            var measured = join.ApiSkew + attempt.MeasurementError;
            var options = SigningTestData.Options();
            options.IatMargin = Margin;
            options.SignatureLifetime = Lifetime;
            var signer = SigningTestData.Signer(options, new FakeZoomClock(serverNow, measured, attempt.Uncertainty));
            var history = new SignatureHistory([.. rejections], number == MaxAttempts, cap);
            var signature = signer.Sign(123456789, ZoomRole.Attendee, history);
            var payload = SigningTestData.Payload(signature.Token);
            var (iat, exp) = (payload.GetProperty("iat").GetInt64(), payload.GetProperty("exp").GetInt64());

            // Zoom's web service checks a little later, on its own clock.
            var zoomNow = (serverNow + attempt.Delay + join.ApiSkew + join.ZoomWebSkew).ToUnixTimeSeconds();
            var valid = iat <= zoomNow && exp > zoomNow && exp - iat is >= 1800 and <= 172_800;
            signed.Add(new SignedAttempt(number, valid, signature.Window, exp - iat));
            if (valid)
            {
                break;
            }

            rejections.Add(new SignatureRejection(
                DateTimeOffset.FromUnixTimeSeconds(iat) - signature.SignedAt,
                DateTimeOffset.FromUnixTimeSeconds(exp) - signature.SignedAt,
                Expired: exp <= zoomNow));
            serverNow += attempt.Delay + attempt.Pause;
        }

        return signed;
    }

    public sealed record SignedAttempt(int Number, bool Valid, SignatureWindowKind Kind, long LengthSeconds);

    /// <param name="ApiSkew">Zoom's API clock (the Date header the portal measures) minus this server's.</param>
    /// <param name="ZoomWebSkew">Zoom's web servers' clock minus its API's: invisible to the measurement.</param>
    public sealed record Join(TimeSpan ApiSkew, TimeSpan ZoomWebSkew, IReadOnlyList<Attempt> Attempts);

    /// <param name="MeasurementError">How far this attempt's measured offset is off (stale, noisy).</param>
    /// <param name="Delay">From signing to Zoom's check.</param>
    /// <param name="Pause">From Zoom's answer to the next signature (the retry countdown).</param>
    public sealed record Attempt(TimeSpan MeasurementError, TimeSpan Uncertainty, TimeSpan Delay, TimeSpan Pause)
    {
        public static readonly Attempt Exact = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    public sealed record CapChoice(TimeSpan Value);

    public static class Scenarios
    {
        private const int Day = 86_400;

        public static Arbitrary<Join> Joins() =>
            Arb.From(
                from api in Gen.Choose(-Day, Day)
                from web in Gen.OneOf(Gen.Choose(-Day, Day), Gen.Choose(-900, 900), Gen.Elements(-Day, Day, -1800, 7200))
                from attempts in Attempts().ListOf(MaxAttempts)
                select new Join(TimeSpan.FromSeconds(api), TimeSpan.FromSeconds(web), [.. attempts]));

        public static Arbitrary<CapChoice> Caps() =>
            Arb.From(Gen.Choose(1800, 2 * Day).Select(seconds => new CapChoice(TimeSpan.FromSeconds(seconds))));

        private static Gen<Attempt> Attempts() =>
            from error in Gen.Choose(-600_000, 600_000)
            from uncertainty in Gen.Choose(0, 5_000)
            from delay in Gen.Choose(0, 120_000)
            from pause in Gen.Choose(10_000, 60_000)
            select new Attempt(TimeSpan.FromMilliseconds(error), TimeSpan.FromMilliseconds(uncertainty), TimeSpan.FromMilliseconds(delay), TimeSpan.FromMilliseconds(pause));
    }
}
