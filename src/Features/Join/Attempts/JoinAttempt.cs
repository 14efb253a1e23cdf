using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Join.Attempts;

/// <summary>
/// One try at joining (or starting) a meeting in the browser, as the join page reported it and the server saw it.
/// Holds no signature, ZAK, passcode or secret; the person is identified by the portal user id only.
/// </summary>
public sealed class JoinAttempt
{
    public long Id { get; set; }

    /// <summary>Groups the attempts of one click on Join (first try and its retries).</summary>
    public Guid JoinId { get; set; }

    /// <summary>Shown to the user and searchable by admins, e.g. <c>ZP-7K3M9Q</c>; the same for every attempt of a join.</summary>
    public string SupportCode { get; set; } = string.Empty;

    public int AttemptNumber { get; set; }

    /// <summary>Server time (UTC) when the attempt began.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>Server time (UTC) when its outcome was reported; null while in progress.</summary>
    public DateTime? FinishedAt { get; set; }

    public string UserId { get; set; } = string.Empty;

    public long MeetingId { get; set; }

    /// <summary>0 attendee, 1 host (start).</summary>
    public int Role { get; set; }

    public JoinAttemptOutcome Outcome { get; set; }

    /// <summary>The SDK's error code (or a <see cref="PortalErrorCodes"/> value); null on success.</summary>
    public int? ErrorCode { get; set; }

    /// <summary>The SDK's own message (reason/result/errorMessage), trimmed to 500 characters.</summary>
    public string? ErrorMessage { get; set; }

    public JoinErrorCategory ErrorCategory { get; set; }

    /// <summary>How the whole join ended after retries; written on every attempt of the join when it ends.</summary>
    public JoinAttemptOutcome? JoinOutcome { get; set; }

    public string? SdkVersion { get; set; }

    /// <summary>Component, Client or Sandbox.</summary>
    public string? SdkView { get; set; }

    public string? Browser { get; set; }

    public string? OperatingSystem { get; set; }

    /// <summary>Zoom's clock minus this server's, as the server estimated it when signing (ms); null if never measured.</summary>
    public long? ZoomClockOffsetMs { get; set; }

    public long? ZoomClockUncertaintyMs { get; set; }

    /// <summary>The browser's clock minus this server's, measured by the page (ms).</summary>
    public long? BrowserClockOffsetMs { get; set; }

    /// <summary>The signature's iat and exp (UTC); never the token.</summary>
    public DateTime? SignatureIssuedAt { get; set; }

    public DateTime? SignatureExpiresAt { get; set; }

    /// <summary>Where the signature's window lay: around the measured clock, or widened after Zoom's rejections.</summary>
    public SignatureWindowKind? SignatureWindow { get; set; }

    /// <summary>From clicking Join to the SDK's success (ms), on success.</summary>
    public int? TimeToJoinMs { get; set; }

    /// <summary>What the page's device check found and chose before this attempt (statuses and labels), when it ran.</summary>
    public string? Devices { get; set; }
}

public enum JoinAttemptOutcome
{
    InProgress,
    Succeeded,
    Failed,
    Abandoned,
}
