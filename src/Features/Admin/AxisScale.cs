namespace ZoomPortal.Features.Admin;

/// <summary>
/// Round tick steps (1, 2 or 5 times a power of ten) for the admin charts, so that an axis reads 0, 1, 2 … 6 for six
/// failures rather than 0 and 20, and seconds in steps a reader can add up.
/// </summary>
public static class AxisScale
{
    /// <summary>A round step that covers <paramref name="span"/> in at most <paramref name="maxTicks"/> steps.</summary>
    public static double NiceStep(double span, int maxTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 1);
        if (!(span > 0) || double.IsInfinity(span))
        {
            return 1;
        }

        var raw = span / maxTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        var factor = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        return factor * magnitude;
    }

    /// <summary>A whole-number step for counts: 1 up to <paramref name="maxTicks"/>, then round steps.</summary>
    public static int CountStep(int max, int maxTicks = 8) => Math.Max(1, (int)Math.Ceiling(NiceStep(max, maxTicks)));

    /// <summary>The tick values from a multiple of the step at or below <paramref name="min"/> to one at or above <paramref name="max"/>.</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, double step)
    {
        var first = Math.Floor(min / step);
        var last = Math.Ceiling(max / step);
        var ticks = new List<double>();
        for (var i = first; i <= last && ticks.Count < 100; i++)
        {
            // Rounded to the step's decimals, so that 0.1 × 3 prints as 0.3.
            ticks.Add(Math.Round(i * step, 9));
        }

        return ticks;
    }
}
