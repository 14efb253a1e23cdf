using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join;

/// <summary>The server's answer to a reported failure, as the module reads it.</summary>
public sealed record JoinNextStepMessage(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("delayMs")] long DelayMs,
    [property: JsonPropertyName("remeasureClock")] bool RemeasureClock)
{
    public static JoinNextStepMessage From(JoinNextStep next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(next.Action.ToString(), (long)next.Delay.TotalMilliseconds, next.RemeasureClock);
    }
}
