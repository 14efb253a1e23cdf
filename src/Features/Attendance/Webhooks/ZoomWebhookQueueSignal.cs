namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>Wakes the processor when a delivery is queued on this instance; it also polls, for other instances' rows.</summary>
internal sealed class ZoomWebhookQueueSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up takes every queued row.
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
