using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Telemetry;

/// <summary>
/// Telemetry settings beyond the standard <c>OTEL_*</c> environment variables. Bound from the <c>Telemetry</c> section.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Path of a Prometheus scraping endpoint (e.g. <c>/metrics</c>); empty: none.</summary>
    [RegularExpression("^(/[A-Za-z0-9._~/-]*)?$", ErrorMessage = "Telemetry:PrometheusEndpoint must be empty or a path such as /metrics.")]
    public string? PrometheusEndpoint { get; set; }
}
