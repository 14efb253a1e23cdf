namespace ZoomPortal.Components;

internal static partial class ErrorLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in a page, reference {ReferenceId}")]
    public static partial void UnhandledInComponent(ILogger logger, Exception exception, string referenceId);
}
