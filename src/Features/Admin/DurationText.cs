using System.Globalization;

namespace ZoomPortal.Features.Admin;

/// <summary>Durations in plain words for admins: "7 min 12 s", "2 h", "450 ms".</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var value = duration.Duration();
        if (value < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)value.TotalMilliseconds} ms");
        }

        var parts = new List<string>(3);
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hours} h"));
        }

        if (value.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes} min"));
        }

        // Seconds matter for clock skew up to an hour; past that they are noise.
        if (value.Seconds > 0 && hours == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Seconds} s"));
        }

        return string.Join(' ', parts);
    }

    public static string FromMilliseconds(long milliseconds) => Format(TimeSpan.FromMilliseconds(milliseconds));
}
