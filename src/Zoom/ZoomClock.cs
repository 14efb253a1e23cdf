using System.Globalization;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Zoom;

/// <summary>
/// Estimates Zoom's clock from the Date headers of several cheap requests (an unauthenticated
/// <c>GET {BaseUrl}users/me</c>: Zoom answers 401 with a Date, and no credentials or scopes are involved).
/// </summary>
internal sealed class ZoomClock(
    IHttpClientFactory httpClientFactory,
    IZoomEndpoints endpoints,
    IOptionsMonitor<ZoomOptions> options,
    ZoomApiHealth health,
    TimeProvider time,
    ILogger<ZoomClock> logger) : IZoomClock, IDisposable
{
    public const string HttpClientName = "ZoomClock";
    private const int HistoryLength = 48;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _historyLock = new();
    private readonly Lock _flightLock = new();
    private Task<ZoomClockEstimate>? _inFlight;
    private long _lastRemeasureTicks;
    private readonly Queue<ZoomClockEstimate> _history = new();
    private ZoomClockEstimate _current = ZoomClockEstimate.Unknown;

    public ZoomClockEstimate Current => Volatile.Read(ref _current);

    /// <summary>Raised after each new estimate, so that open admin pages and banners show it at once.</summary>
    public event Action? Measured;

    /// <summary>Recent estimates, oldest first, for the admin page.</summary>
    public IReadOnlyList<ZoomClockEstimate> History
    {
        get
        {
            lock (_historyLock)
            {
                return [.. _history];
            }
        }
    }

    public DateTimeOffset ZoomNow() => time.GetUtcNow() + Current.Offset;

    public Task<ZoomClockEstimate> RemeasureAsync(CancellationToken cancellationToken)
    {
        if (IsRecent())
        {
            return Task.FromResult(Current);
        }

        Task<ZoomClockEstimate> flight;
        lock (_flightLock)
        {
            flight = _inFlight ??= MeasureSharedAsync();
        }

        // One caller giving up must not cancel the measurement the others wait for.
        return flight.WaitAsync(cancellationToken);
    }

    private async Task<ZoomClockEstimate> MeasureSharedAsync()
    {
        // Yield first, so that _inFlight is set before a measurement that fails at once clears it.
        await Task.Yield();
        try
        {
            // Another caller's measurement may have finished while this one waited for the lock.
            if (IsRecent())
            {
                return Current;
            }

            // Counted from the start, so that a Zoom that cannot be reached is not asked again and again either.
            Volatile.Write(ref _lastRemeasureTicks, time.GetUtcNow().UtcTicks);
            return await MeasureAsync(CancellationToken.None);
        }
        finally
        {
            lock (_flightLock)
            {
                _inFlight = null;
            }
        }
    }

    public async Task<ZoomClockEstimate> MeasureAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var settings = options.CurrentValue.Clock;
            var uri = new Uri((await endpoints.GetAsync(cancellationToken)).ApiBaseUrl, "users/me");
            var client = httpClientFactory.CreateClient(HttpClientName);
            var samples = new List<ZoomClockSample>(settings.Samples);
            Exception? lastFailure = null;
            for (var i = 0; i < settings.Samples; i++)
            {
                if (i > 0 && settings.SampleSpacing > TimeSpan.Zero)
                {
                    await Task.Delay(settings.SampleSpacing, time, cancellationToken);
                }

                try
                {
                    if (await TakeSampleAsync(client, uri, cancellationToken) is { } sample)
                    {
                        samples.Add(sample);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    lastFailure = ex;
                }
            }

            if (samples.Count == 0)
            {
                if (lastFailure is null)
                {
                    throw new ZoomApiException("Zoom's clock could not be measured: its responses carried no Date header.");
                }

                // No answer at all is a failed call; Zoom's answer (a 401 with a Date) counts as a successful one below.
                const string Unreachable = "Zoom's clock could not be measured: Zoom could not be reached.";
                health.RecordFailure(time.GetUtcNow(), Unreachable);
                throw new ZoomApiException(Unreachable, lastFailure);
            }

            var (estimate, consistent) = ZoomClockSample.Combine(samples, time.GetUtcNow());
            if (!consistent)
            {
                logger.ClockSamplesDisagree();
            }

            health.RecordSuccess(time.GetUtcNow());
            Publish(estimate);
            logger.ClockMeasured(estimate.Offset, estimate.Uncertainty, estimate.Samples);
            return estimate;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsRecent()
    {
        var now = time.GetUtcNow();
        var interval = options.CurrentValue.Clock.MinRemeasureInterval;
        return (Current.MeasuredAt is { } measuredAt && now - measuredAt < interval) ||
            now.UtcTicks - Volatile.Read(ref _lastRemeasureTicks) < interval.Ticks;
    }

    private async Task<ZoomClockSample?> TakeSampleAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var sent = time.GetUtcNow();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var received = time.GetUtcNow();
        if (response.Headers.Date is { } date)
        {
            return new ZoomClockSample(sent, received, date);
        }

        // Some stacks keep Date among the raw headers when it does not parse strictly.
        return response.Headers.TryGetValues("Date", out var values) &&
               DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? new ZoomClockSample(sent, received, parsed)
            : null;
    }

    private void Publish(ZoomClockEstimate estimate)
    {
        Volatile.Write(ref _current, estimate);
        lock (_historyLock)
        {
            _history.Enqueue(estimate);
            while (_history.Count > HistoryLength)
            {
                _history.Dequeue();
            }
        }

        Measured?.Invoke();
    }
}
