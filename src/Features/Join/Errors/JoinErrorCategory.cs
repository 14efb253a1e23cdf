namespace ZoomPortal.Features.Join.Errors;

/// <summary>What kind of failure an SDK error is, for people (admins filter and chart by it).</summary>
public enum JoinErrorCategory
{
    None,
    Signature,
    Passcode,
    NotStarted,
    AppNotAuthorised,
    RateLimited,
    Network,
    Timeout,
    MeetingUnavailable,
    Permission,
    SignInRequired,
    Host,
    SdkVersion,
    Configuration,
    Unknown,
}

/// <summary>What the join flow does next after an error.</summary>
public enum JoinErrorHandling
{
    /// <summary>Report, wait, get a fresh signature (the server re-measures Zoom's clock first) and join again.</summary>
    RetryWithFreshSignature,

    /// <summary>The host has not started the meeting: wait and try again until they do.</summary>
    WaitForHost,

    /// <summary>Ask the user for the passcode again.</summary>
    AskPasscode,

    /// <summary>Zoom asked us to slow down, or a transient state: wait, then try again.</summary>
    Wait,

    /// <summary>Network trouble: back off (growing delays), then try again.</summary>
    BackOff,

    /// <summary>Trying again will not help: stop and explain.</summary>
    Stop,
}
