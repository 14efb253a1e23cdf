using System.Diagnostics;
using System.Diagnostics.Metrics;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Telemetry;

/// <summary>
/// The portal's own instruments (meter <see cref="MeterName"/>). Attributes carry only low-cardinality words and
/// numbers: never a user id, e-mail, meeting id, signature, token or passcode.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "ZoomPortal";

    private readonly Counter<long> _joinAttempts;
    private readonly Histogram<double> _timeToJoin;
    private readonly Counter<long> _signaturesIssued;
    private readonly Counter<long> _zoomApiCalls;
    private readonly Histogram<double> _zoomApiDuration;

    public PortalMetrics(IMeterFactory meterFactory, IZoomClock clock)
    {
        var meter = meterFactory.Create(MeterName);
        _joinAttempts = meter.CreateCounter<long>("zoomportal.join.attempts", "{attempt}",
            "Join attempts that ended, by outcome, error category, SDK view and attempt number.");
        _timeToJoin = meter.CreateHistogram("zoomportal.join.time_to_join", "s",
            "From the click on Join to the SDK's success, including retries.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55, 90] });
        _signaturesIssued = meter.CreateCounter<long>("zoomportal.signatures.issued", "{signature}",
            "Meeting SDK join signatures issued, by role (attendee or host).");
        _zoomApiCalls = meter.CreateCounter<long>("zoomportal.zoom.api.calls", "{call}",
            "Calls to Zoom's REST API, by endpoint template and HTTP status (0: no answer).");
        _zoomApiDuration = meter.CreateHistogram("zoomportal.zoom.api.duration", "s",
            "Latency of Zoom REST API calls including retries, by endpoint template and HTTP status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        meter.CreateObservableGauge("zoomportal.zoom.clock.offset", () => ClockMeasurements(clock, e => e.Offset), "s",
            "Zoom's clock minus this server's, as last measured (positive: Zoom ahead).");
        meter.CreateObservableGauge("zoomportal.zoom.clock.uncertainty", () => ClockMeasurements(clock, e => e.Uncertainty), "s",
            "Half-width of the interval the true Zoom clock offset lies in.");
    }

    public void JoinAttemptEnded(string outcome, string category, string? view, int attemptNumber) =>
        _joinAttempts.Add(1, new TagList
        {
            { "outcome", outcome },
            { "category", category },
            { "view", view ?? "unknown" },
            // Bounded by Join:MaxAttempts; anything beyond reads "4+" so a misbehaving page cannot add series.
            { "attempt", attemptNumber is >= 1 and <= 3 ? attemptNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : "4+" },
        });

    public void Joined(TimeSpan timeToJoin, string? view, int attempts) =>
        _timeToJoin.Record(timeToJoin.TotalSeconds, new TagList
        {
            { "view", view ?? "unknown" },
            { "retried", attempts > 1 },
        });

    public void SignatureIssued(bool host) => _signaturesIssued.Add(1, new KeyValuePair<string, object?>("role", host ? "host" : "attendee"));

    public void ZoomApiCalled(string endpoint, int status, TimeSpan duration)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "status", status } };
        _zoomApiCalls.Add(1, tags);
        _zoomApiDuration.Record(duration.TotalSeconds, tags);
    }

    private static IEnumerable<Measurement<double>> ClockMeasurements(IZoomClock clock, Func<ZoomClockEstimate, TimeSpan> value)
    {
        var estimate = clock.Current;
        return estimate.IsKnown ? [new Measurement<double>(value(estimate).TotalSeconds)] : [];
    }
}
