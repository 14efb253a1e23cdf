namespace ZoomPortal.Zoom;

// Messages carry ids, status codes and times only: never tokens, secrets, ZAKs or passcodes.
internal static partial class ZoomLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Zoom access token issued; it expires in {ExpiresIn}")]
    public static partial void TokenIssued(this ILogger logger, TimeSpan expiresIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom rejected the access token for {Operation}; requesting a new one")]
    public static partial void TokenRejected(this ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom call {Operation} failed: {Reason}")]
    public static partial void CallFailed(this ILogger logger, string operation, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying a Zoom request (attempt {Attempt}) after {Delay}: {Outcome}")]
    public static partial void Retrying(this ILogger logger, int attempt, TimeSpan delay, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zoom clock offset {Offset} ± {Uncertainty} from {Samples} samples")]
    public static partial void ClockMeasured(this ILogger logger, TimeSpan offset, TimeSpan uncertainty, int samples);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom clock samples disagree (no common interval); using their hull")]
    public static partial void ClockSamplesDisagree(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Measuring Zoom's clock failed")]
    public static partial void ClockMeasurementFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom sandbox is running at {Address}: the portal is not connected to Zoom")]
    public static partial void SandboxStarted(this ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom:Mode is Sandbox in the {Environment} environment (Zoom:Sandbox:AllowOutsideDevelopment is true): hosts' ZAKs come from a simulator whose credentials are public. Never use this in production.")]
    public static partial void SandboxOutsideDevelopment(this ILogger logger, string environment);
}
