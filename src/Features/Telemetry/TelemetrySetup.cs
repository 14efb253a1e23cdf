using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ZoomPortal.Features.Telemetry;

internal static class TelemetrySetup
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Metrics, traces and logs through OpenTelemetry, configured by the standard <c>OTEL_*</c> variables
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> turns the OTLP exporter on); optionally a Prometheus endpoint.
    /// </summary>
    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PortalMetrics>();
        builder.Services.AddSingleton<ZoomApiTelemetry>();
        builder.Services.AddSingleton<JoinTelemetry>();

        var prometheus = !string.IsNullOrEmpty(builder.Configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.PrometheusEndpoint)}"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES win when set.
                if (string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("zoomportal");
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.MeterName)
                    // Blazor circuits (aspnetcore.components.circuit.active) and SignalR connections, hubs included.
                    .AddMeter("Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Http.Connections")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(PortalActivities.SourceName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !IsProbe(context.Request.Path);
                    // http.route keeps the template; the path's ids (meetings here, Zoom users in the sandbox's own requests) go.
                    o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", UrlRedaction.RedactPath(request.Path.Value ?? string.Empty));
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.RecordException = false;
                    // Zoom's URLs hold user and meeting ids: the span keeps the host and the path's plain words only.
                    o.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { } uri)
                        {
                            activity.SetTag("url.full", UrlRedaction.Redact(uri));
                        }
                    };
                }))
            // Log records carry the trace and span id of the request or join they belong to.
            .WithLogging();

        if (!string.IsNullOrEmpty(builder.Configuration[OtlpEndpointVariable]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication MapPortalTelemetry(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.PrometheusEndpoint;
        if (!string.IsNullOrEmpty(path))
        {
            app.MapPrometheusScrapingEndpoint(path).AllowAnonymous().DisableHttpMetrics();
        }

        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/readyz", StringComparison.Ordinal);
}
