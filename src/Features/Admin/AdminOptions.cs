using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Admin;

/// <summary>The admin pages, the join-error log's retention and its exports. Bound from the <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>A banner appears on every admin page when Zoom's clock differs from this server's by more than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Admin:ClockOffsetWarning must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan ClockOffsetWarning { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A banner appears when the last call to Zoom's API failed or its last success is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "Admin:ApiFailureWarning must be between 00:00:10 and 7.00:00:00.")]
    public TimeSpan ApiFailureWarning { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Join attempts older than this many days are deleted in the background.</summary>
    [Range(1, 3650, ErrorMessage = "Admin:RetentionDays must be between 1 and 3650.")]
    public int RetentionDays { get; set; } = 90;

    /// <summary>When true, CSV exports carry a keyed hash of each user id instead of the id.</summary>
    public bool PseudonymiseExports { get; set; }

    /// <summary>
    /// Optional secret (at least 32 characters) that keys the export pseudonyms, making them stable across exports.
    /// When empty, each export uses a fresh random key: stable within the export, unlinkable between exports.
    /// </summary>
    [MinLength(32, ErrorMessage = "Admin:PseudonymKey must be at least 32 characters long when set.")]
    public string? PseudonymKey { get; set; }
}
