namespace ZoomPortal.Zoom.Sandbox;

/// <summary>The sandbox's queue of injected failures; tests and demos add to it while the sandbox runs.</summary>
internal sealed class ZoomSandboxFaults
{
    private readonly Lock _lock = new();
    private readonly List<(ZoomSandboxFault Fault, int Remaining)> _queue = [];

    public void Enqueue(ZoomSandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _queue.Add((fault, fault.Count));
        }
    }

    public void Enqueue(int status, int count = 1, TimeSpan? retryAfter = null, string pathPrefix = "/v2/") =>
        Enqueue(new ZoomSandboxFault { Status = status, Count = count, RetryAfter = retryAfter, PathPrefix = pathPrefix });

    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
        }
    }

    /// <summary>Takes the first queued fault that applies to <paramref name="path"/>, if any.</summary>
    public ZoomSandboxFault? TakeFor(string path)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(f => path.StartsWith(f.Fault.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var (fault, remaining) = _queue[index];
            if (remaining <= 1)
            {
                _queue.RemoveAt(index);
            }
            else
            {
                _queue[index] = (fault, remaining - 1);
            }

            return fault;
        }
    }
}
