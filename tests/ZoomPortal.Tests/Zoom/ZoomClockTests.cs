using Microsoft.Extensions.Time.Testing;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Zoom;

public sealed class ZoomClockTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("00:07:00")]
    [InlineData("-00:03:00")]
    public async Task Estimates_a_skewed_Zoom_clock_from_Date_headers(string skew)
    {
        var expected = TimeSpan.Parse(skew, System.Globalization.CultureInfo.InvariantCulture);
        // Every reading of the clock moves it on a little, so samples fall at different fractions of a second.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, 250, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(97) };
        await using var harness = await ZoomClientHarness.StartAsync(time, sandbox: s => s.ClockSkew = expected);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var estimate = await harness.Clock.MeasureAsync(cts.Token);

        Assert.InRange(estimate.Offset, expected - Tolerance, expected + Tolerance);
        Assert.InRange(estimate.Uncertainty, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1));
        Assert.InRange(expected, estimate.Offset - estimate.Uncertainty, estimate.Offset + estimate.Uncertainty);
        Assert.Equal(5, estimate.Samples);
        Assert.Same(estimate, harness.Clock.Current);
        Assert.InRange(harness.Clock.ZoomNow() - time.GetUtcNow(), expected - Tolerance, expected + Tolerance);
    }

    [Fact]
    public async Task Estimates_the_offset_over_real_time_with_spaced_samples()
    {
        var skew = TimeSpan.FromMinutes(-3);
        await using var harness = await ZoomClientHarness.StartAsync(
            sandbox: s => s.ClockSkew = skew,
            client: o => o.Clock.SampleSpacing = TimeSpan.FromMilliseconds(230));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var estimate = await harness.Clock.MeasureAsync(cts.Token);

        Assert.InRange(estimate.Offset, skew - Tolerance, skew + Tolerance);
        Assert.True(estimate.Uncertainty <= TimeSpan.FromSeconds(1), $"Uncertainty {estimate.Uncertainty}");
        Assert.True(estimate.IsKnown);
    }

    [Fact]
    public void Intersects_sample_intervals_to_narrow_the_estimate()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        // Zoom is 10.5 s ahead and its Date floors to the second: at 0.00 s it reads 10 s, at 0.45 s still 10 s, at 0.60 s 11 s.
        ZoomClockSample[] samples =
        [
            new(t0, t0.AddMilliseconds(10), t0.AddSeconds(10)),
            new(t0.AddMilliseconds(450), t0.AddMilliseconds(460), t0.AddSeconds(10)),
            new(t0.AddMilliseconds(600), t0.AddMilliseconds(610), t0.AddSeconds(11)),
        ];

        var (estimate, consistent) = ZoomClockSample.Combine(samples, t0);

        Assert.True(consistent);
        Assert.Equal(TimeSpan.FromSeconds(10.47), estimate.Offset);
        Assert.Equal(TimeSpan.FromSeconds(0.08), estimate.Uncertainty);
    }

    [Fact]
    public void Falls_back_to_the_hull_when_samples_do_not_intersect()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        ZoomClockSample[] samples =
        [
            new(t0, t0.AddMilliseconds(10), t0.AddSeconds(5)),
            new(t0.AddSeconds(1), t0.AddSeconds(1).AddMilliseconds(10), t0.AddSeconds(9)),
        ];

        var (estimate, consistent) = ZoomClockSample.Combine(samples, t0);

        Assert.False(consistent);
        Assert.InRange(TimeSpan.FromSeconds(5), estimate.Offset - estimate.Uncertainty, estimate.Offset + estimate.Uncertainty);
        Assert.InRange(TimeSpan.FromSeconds(8), estimate.Offset - estimate.Uncertainty, estimate.Offset + estimate.Uncertainty);
    }
}
