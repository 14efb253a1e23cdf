using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ZoomPortal.E2E.Features.Join.ClockSkew;

namespace ZoomPortal.E2E.Features.Telemetry;

/// <summary>The stale-clock sandbox portal with OpenTelemetry's in-memory exporters beside its own configuration.</summary>
public sealed class TelemetryPortalFixture : SandboxJoinPortalFixture
{
    public List<MetricSnapshot> Metrics { get; } = [];

    public List<Activity> Spans { get; } = [];

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:ClockSkew"] = "00:00:00",
        ["Join:RetryDelay"] = "00:00:03",
    };

    /// <summary>Everything the meter provider holds, exported now; cumulative, so the newest snapshot of each instrument counts.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        lock (Metrics)
        {
            Metrics.Clear();
        }

        Server.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (Metrics)
        {
            return [.. Metrics];
        }
    }

    public IReadOnlyList<Activity> CollectSpans()
    {
        Server.Services.GetRequiredService<TracerProvider>().ForceFlush();
        lock (Spans)
        {
            return [.. Spans];
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
    }
}
