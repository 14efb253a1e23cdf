using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Attendance;

/// <summary>The attendance hub and the live roster. Bound from <c>Attendance</c>.</summary>
public sealed class AttendanceOptions
{
    public const string SectionName = "Attendance";

    /// <summary>How long after starting a join a user may report events for that meeting.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "2.00:00:00", ErrorMessage = "Attendance:JoinWindow must be between 00:05:00 and 2.00:00:00.")]
    public TimeSpan JoinWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sustained events per second one connection may report (a host's SDK sees a whole meeting).</summary>
    [Range(1, 1000, ErrorMessage = "Attendance:EventsPerSecond must be between 1 and 1000.")]
    public int EventsPerSecond { get; set; } = 20;

    /// <summary>Burst above <see cref="EventsPerSecond"/> one connection may report at once.</summary>
    [Range(1, 10000, ErrorMessage = "Attendance:EventBurst must be between 1 and 10000.")]
    public int EventBurst { get; set; } = 100;

    /// <summary>Largest hub message; a bigger one ends the connection.</summary>
    [Range(512, 65536, ErrorMessage = "Attendance:MaxMessageBytes must be between 512 and 65536.")]
    public int MaxMessageBytes { get; set; } = 4096;

    /// <summary>
    /// Most reported events the attendance writer stores in one database write; a <c>ReportBatch</c> is never split, so
    /// its events may carry a write up to 49 past this.
    /// </summary>
    [Range(1, 5000, ErrorMessage = "Attendance:WriteBatchSize must be between 1 and 5000.")]
    public int WriteBatchSize { get; set; } = 500;

    /// <summary>
    /// How long the writer waits, after the first event of a batch, for more to join it (0: it takes what is queued).
    /// Events that arrive while a batch is written form the next batch anyway; the wait adds to every acknowledgement.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "Attendance:WriteBatchDelay must be between 00:00:00 and 00:00:01.")]
    public TimeSpan WriteBatchDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Reported events waiting for the writer; when full, a report is told to slow down and resend.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Attendance:WriteQueueCapacity must be between 1 and 1000000.")]
    public int WriteQueueCapacity { get; set; } = 10_000;
}
