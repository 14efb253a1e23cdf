using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Join;

/// <summary>What the join page does after a failed attempt. Decided on the server so the browser only follows it.</summary>
public static class JoinRetryPolicy
{
    // Zoom documents join as limited to once per 10 s (3633 FREQUENT_CALL): after 3633 never wait less.
    private static readonly TimeSpan ZoomJoinRateLimit = TimeSpan.FromSeconds(10);

    /// <param name="error">The classified SDK error.</param>
    /// <param name="attemptNumber">The attempt that failed, from 1.</param>
    /// <param name="waitedForHost">How long this join has been waiting for the host so far.</param>
    public static JoinNextStep Decide(JoinErrorInfo error, int attemptNumber, TimeSpan waitedForHost, JoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        var attemptsLeft = attemptNumber < options.MaxAttempts;
        return error.Handling switch
        {
            JoinErrorHandling.RetryWithFreshSignature when attemptsLeft => JoinNextStep.Retry(options.RetryDelay, remeasureClock: true),
            JoinErrorHandling.WaitForHost when waitedForHost + options.WaitForHostInterval <= options.WaitForHostTimeout =>
                new JoinNextStep(JoinNextAction.WaitForHost, options.WaitForHostInterval, RemeasureClock: false),
            JoinErrorHandling.AskPasscode => new JoinNextStep(JoinNextAction.AskPasscode, TimeSpan.Zero, RemeasureClock: false),
            JoinErrorHandling.Wait when attemptsLeft =>
                JoinNextStep.Retry(options.RetryDelay > ZoomJoinRateLimit ? options.RetryDelay : ZoomJoinRateLimit, remeasureClock: false),
            JoinErrorHandling.BackOff when attemptsLeft =>
                JoinNextStep.Retry(options.NetworkBackOff * Math.Pow(2, Math.Min(attemptNumber - 1, 6)), remeasureClock: false),
            _ => JoinNextStep.Stop,
        };
    }
}

public enum JoinNextAction
{
    /// <summary>The attempt got in: nothing follows.</summary>
    InMeeting,
    Retry,
    WaitForHost,
    AskPasscode,
    Stop,
}

/// <param name="Delay">How long the page waits (and counts down) before the next attempt.</param>
/// <param name="RemeasureClock">Ask the server to re-measure Zoom's clock before signing the next attempt.</param>
public sealed record JoinNextStep(JoinNextAction Action, TimeSpan Delay, bool RemeasureClock)
{
    public static readonly JoinNextStep Stop = new(JoinNextAction.Stop, TimeSpan.Zero, false);

    public static readonly JoinNextStep InMeeting = new(JoinNextAction.InMeeting, TimeSpan.Zero, false);

    public static JoinNextStep Retry(TimeSpan delay, bool remeasureClock) => new(JoinNextAction.Retry, delay, remeasureClock);
}
