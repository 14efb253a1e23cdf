namespace ZoomPortal.Features.Meetings;

/// <summary>
/// Tells open pages that the catalog changed (after a sync or a visibility change), so they reload.
/// Handlers run on the publisher's thread: components marshal with <c>InvokeAsync</c>.
/// </summary>
public sealed partial class MeetingCatalogNotifier(ILogger<MeetingCatalogNotifier> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Func<MeetingCatalogChange, Task>> _handlers = [];

    /// <summary>Dispose the returned object to unsubscribe.</summary>
    public IDisposable Subscribe(Func<MeetingCatalogChange, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    public async Task PublishAsync(MeetingCatalogChange change)
    {
        Func<MeetingCatalogChange, Task>[] handlers;
        lock (_lock)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(change);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken page must not stop the others from hearing about the change.
                LogHandlerFailed(logger, ex);
            }
        }
    }

    internal int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _handlers.Count;
            }
        }
    }

    private void Unsubscribe(Func<MeetingCatalogChange, Task> handler)
    {
        lock (_lock)
        {
            _handlers.Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A meeting catalog subscriber failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);

    private sealed class Subscription(MeetingCatalogNotifier owner, Func<MeetingCatalogChange, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}

/// <summary>Which meetings changed.</summary>
public sealed record MeetingCatalogChange(IReadOnlyCollection<long> MeetingIds);
