namespace ZoomPortal.Zoom.Sandbox.Sdk;

/// <summary>
/// The answer of Zoom's web join service (<c>/api/v1/wc/info</c>) as the SDK sees it: <c>{status:false, errorCode, errorMessage}</c>
/// with Zoom's generic code and English message, which the SDK maps to its own codes; or <c>{status:true, result}</c>.
/// </summary>
internal sealed class SandboxWebJoinAnswer
{
    public bool Status { get; init; }

    public int ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public SandboxMeetingInfo? Result { get; init; }

    /// <summary>
    /// Zoom accepted the join, but the stand-in is to fail as the SDK does when Zoom's meeting servers cannot be reached
    /// (a firewall or proxy in the way): <c>Zoom:Sandbox:ConnectionErrors</c>.
    /// </summary>
    public bool ConnectionError { get; init; }

    public static SandboxWebJoinAnswer Fail(int code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}

/// <summary>The meeting a successful join entered, with the simulated people already in it.</summary>
internal sealed class SandboxMeetingInfo
{
    public required string MeetingNumber { get; init; }

    public required string Topic { get; init; }

    public required int Role { get; init; }

    public required string HostName { get; init; }

    public required IReadOnlyList<SandboxParticipant> Participants { get; init; }
}

/// <summary>A simulated participant, shaped like the SDK's ParticipantPropertiesPayload.</summary>
internal sealed record SandboxParticipant(int UserId, string DisplayName, bool IsHost);

/// <summary>A request the endpoint refused before looking at it as a join (HTTP 400).</summary>
internal sealed record SandboxBadRequest(string Error);
