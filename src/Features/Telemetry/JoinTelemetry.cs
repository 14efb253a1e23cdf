using System.Diagnostics;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Telemetry;

/// <summary>
/// Metrics and spans for the join flow, called by <c>JoinAttemptRecorder</c>. Every span of one join shares one trace:
/// its trace id is the join id, so "signature issued → SDK result" for each attempt reads as one trace. Attributes carry
/// the support code (which the user sees), never the user id, the meeting id or the signature.
/// </summary>
public sealed class JoinTelemetry(PortalMetrics metrics)
{
    public Activity? SignatureIssued(JoinSession session, int attemptNumber, MeetingSignature signature, bool clockMeasured)
    {
        metrics.SignatureIssued(signature.Role.IsHost);
        var activity = PortalActivities.Source.StartActivity("zoomportal.join.signature", ActivityKind.Internal, JoinContext(session.JoinId));
        if (activity is not null)
        {
            Describe(activity, session, attemptNumber);
            if (clockMeasured)
            {
                activity.SetTag("zoom.clock.offset_ms", (long)signature.ClockOffsetUsed.TotalMilliseconds);
                activity.SetTag("zoom.clock.uncertainty_ms", (long)signature.ClockUncertainty.TotalMilliseconds);
            }
        }

        return activity;
    }

    public Activity? ReportReceived(JoinSession session, int attemptNumber)
    {
        var activity = PortalActivities.Source.StartActivity("zoomportal.join.result", ActivityKind.Internal, JoinContext(session.JoinId));
        if (activity is not null)
        {
            Describe(activity, session, attemptNumber);
        }

        return activity;
    }

    /// <summary>The attempt's outcome is known (as recorded): count it; a success also records the time to join.</summary>
    public void AttemptEnded(Activity? activity, JoinAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var outcome = attempt.Outcome.ToString().ToLowerInvariant();
        var category = attempt.ErrorCategory.ToString();
        metrics.JoinAttemptEnded(outcome, category, attempt.SdkView, attempt.AttemptNumber);
        if (attempt.Outcome == JoinAttemptOutcome.Succeeded && attempt.TimeToJoinMs is { } ms)
        {
            metrics.Joined(TimeSpan.FromMilliseconds(ms), attempt.SdkView, attempt.AttemptNumber);
        }

        if (activity is not null)
        {
            activity.SetTag("zoomportal.join.outcome", outcome);
            activity.SetTag("zoomportal.join.category", category);
            activity.SetTag("zoomportal.join.view", attempt.SdkView);
            if (attempt.ErrorCode is { } code)
            {
                activity.SetTag("zoom.sdk.error_code", code);
            }

            if (attempt.TimeToJoinMs is { } time)
            {
                activity.SetTag("zoomportal.join.time_to_join_ms", time);
            }

            activity.SetStatus(attempt.Outcome == JoinAttemptOutcome.Succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        }
    }

    /// <summary>A parent that no span owns, in the trace whose id is the join id.</summary>
    internal static ActivityContext JoinContext(Guid joinId)
    {
        Span<byte> bytes = stackalloc byte[16];
        joinId.TryWriteBytes(bytes);
        return new ActivityContext(ActivityTraceId.CreateFromBytes(bytes), ActivitySpanId.CreateFromBytes(bytes[..8]), ActivityTraceFlags.Recorded);
    }

    private static void Describe(Activity activity, JoinSession session, int attemptNumber)
    {
        activity.SetTag("zoomportal.join.support_code", session.SupportCode);
        activity.SetTag("zoomportal.join.kind", session.Kind.ToString().ToLowerInvariant());
        activity.SetTag("zoomportal.join.attempt", attemptNumber);
    }
}
