using System.Globalization;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Meetings;

/// <summary>The meetings of one day in the viewer's zone, under a heading people say: Today, Tomorrow, a date.</summary>
public sealed record MeetingDay(string Label, DateOnly? Date, IReadOnlyList<ScheduledMeeting> Items)
{
    /// <summary>Groups items (already in display order) by their start's day in <paramref name="zone"/>; no start → "No fixed time".</summary>
    public static IReadOnlyList<MeetingDay> Group(IReadOnlyList<ScheduledMeeting> items, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = new List<MeetingDay>();
        foreach (var group in items.GroupBy(i => i.Start is { } start ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime) : (DateOnly?)null))
        {
            days.Add(new MeetingDay(LabelOf(group.Key, today), group.Key, group.ToList()));
        }

        return days;
    }

    private static StaticText L => StaticText.Instance;

    private static string LabelOf(DateOnly? date, DateOnly today) => date switch
    {
        null => L["Day.NoFixedTime"],
        { } d when d == today => L["Day.Today"],
        { } d when d == today.AddDays(1) => L["Day.Tomorrow"],
        { } d when d == today.AddDays(-1) => L["Day.Yesterday"],
        { } d when d.Year == today.Year => d.ToString(L["Day.Format"], CultureInfo.CurrentCulture),
        { } d => d.ToString(L["Day.FormatWithYear"], CultureInfo.CurrentCulture),
    };
}
