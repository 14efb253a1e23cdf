using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Meetings;

/// <summary>The meeting catalog and pages. Bound from the <c>Meetings</c> section.</summary>
public sealed class MeetingsOptions
{
    public const string SectionName = "Meetings";

    /// <summary>How often the catalog is refreshed from Zoom in the background.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00", ErrorMessage = "Meetings:RefreshInterval must be between 00:00:30 and 1.00:00:00.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before the start attendees may join (and wait for the host); up to a week for events announced early.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Meetings:JoinLeadTime must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan JoinLeadTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many days of past meetings the meetings page shows.</summary>
    [Range(1, 366, ErrorMessage = "Meetings:PastDays must be between 1 and 366.")]
    public int PastDays { get; set; } = 14;

    /// <summary>Refresh in the background at all; off leaves refreshes to hosts and admins (and to tests that seed the database).</summary>
    public bool BackgroundRefresh { get; set; } = true;
}
