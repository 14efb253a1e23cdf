namespace ZoomPortal.Features.Admin;

/// <summary>The Meeting SDK version the app serves, and Zoom's quarterly minimum-version enforcement.</summary>
internal static class MeetingSdkRelease
{
    private static readonly int[] EnforcementMonths = [2, 5, 8, 11];

    /// <summary>Zoom enforces minimum SDK versions on the first weekend of February, May, August and November.</summary>
    public static DateOnly NextEnforcement(DateOnly today)
    {
        for (var year = today.Year; ; year++)
        {
            foreach (var month in EnforcementMonths)
            {
                var saturday = FirstSaturday(year, month);
                // The weekend counts until its Sunday has passed.
                if (saturday.AddDays(1) >= today)
                {
                    return saturday;
                }
            }
        }
    }

    private static DateOnly FirstSaturday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);
    }
}
