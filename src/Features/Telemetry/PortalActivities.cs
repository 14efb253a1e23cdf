using System.Diagnostics;

namespace ZoomPortal.Features.Telemetry;

/// <summary>The portal's trace source: Zoom API calls and joins (signature → SDK result). Same attribute rules as <see cref="PortalMetrics"/>.</summary>
internal static class PortalActivities
{
    public const string SourceName = "ZoomPortal";

    public static readonly ActivitySource Source = new(SourceName);
}
