using Microsoft.AspNetCore.SignalR;

namespace ZoomPortal.Features.Attendance;

/// <summary>
/// A hub call whose connection closed while it ran (the page went away, a reload, a lost network) is cancelled through
/// <see cref="HubCallerContext.ConnectionAborted"/>. Nobody is left to answer, and the page resends what it did not get
/// acknowledged, so that is not an error: logged at Debug instead of SignalR's "Failed to invoke hub method" error with a
/// stack trace, which under load buried the real failures. Any other exception still reaches SignalR unchanged.
/// </summary>
internal sealed partial class ClientGoneFilter(ILogger<ClientGoneFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogClientGone(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {Method} on connection {ConnectionId} ended with its connection")]
    private static partial void LogClientGone(ILogger logger, string method, string connectionId);
}
