using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Tests.Features.Admin;

/// <summary>Join attempts as the join flow records them.</summary>
internal static class AttemptData
{
    public static readonly DateTime Start = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    public static JoinAttempt Failed(int code, Guid? joinId = null, int attemptNumber = 1, DateTime? startedAt = null, string? message = null,
        long? zoomOffsetMs = null, long? browserOffsetMs = null, long meetingId = 81234567890, string userId = "dev-ann",
        JoinAttemptOutcome? joinOutcome = JoinAttemptOutcome.Failed, string browser = "Chrome 131", string supportCode = "ZP-7K3M9Q")
    {
        var started = startedAt ?? Start;
        return new JoinAttempt
        {
            JoinId = joinId ?? Guid.NewGuid(),
            SupportCode = supportCode,
            AttemptNumber = attemptNumber,
            StartedAt = started,
            FinishedAt = started.AddSeconds(2),
            UserId = userId,
            MeetingId = meetingId,
            Outcome = JoinAttemptOutcome.Failed,
            ErrorCode = code,
            ErrorMessage = message,
            ErrorCategory = JoinErrorCatalog.Classify(code, message).Category,
            JoinOutcome = joinOutcome,
            SdkVersion = "6.2.0",
            SdkView = "Component",
            Browser = browser,
            OperatingSystem = "Windows 11",
            ZoomClockOffsetMs = zoomOffsetMs,
            ZoomClockUncertaintyMs = zoomOffsetMs is null ? null : 250,
            BrowserClockOffsetMs = browserOffsetMs,
            SignatureIssuedAt = started.AddSeconds(-30),
            SignatureExpiresAt = started.AddHours(2),
        };
    }

    public static JoinAttempt Succeeded(Guid joinId, int attemptNumber, DateTime startedAt, long meetingId = 81234567890, string userId = "dev-ann",
        string supportCode = "ZP-7K3M9Q", long? zoomOffsetMs = null)
    {
        var attempt = Failed(0, joinId, attemptNumber, startedAt, meetingId: meetingId, userId: userId, joinOutcome: JoinAttemptOutcome.Succeeded, supportCode: supportCode, zoomOffsetMs: zoomOffsetMs);
        attempt.Outcome = JoinAttemptOutcome.Succeeded;
        attempt.ErrorCode = null;
        attempt.ErrorCategory = JoinErrorCategory.None;
        attempt.TimeToJoinMs = 3400;
        return attempt;
    }
}
