using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Join;

/// <summary>How the join page retries and how long it waits for the SDK. Bound from <c>Join</c>.</summary>
public sealed class JoinOptions
{
    public const string SectionName = "Join";

    /// <summary>Wait before re-joining after a signature error or Zoom's rate limit; Zoom documents join as limited to once per 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Join:RetryDelay must be between 00:00:01 and 00:05:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one join (the first included) after signature and network errors.</summary>
    [Range(1, 10, ErrorMessage = "Join:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often to try again while the host has not started the meeting (3008).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Join:WaitForHostInterval must be between 00:00:05 and 00:10:00.")]
    public TimeSpan WaitForHostInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>When to give up waiting for the host.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "04:00:00", ErrorMessage = "Join:WaitForHostTimeout must be between 00:00:10 and 04:00:00.")]
    public TimeSpan WaitForHostTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The widest signature window (exp − iat) the portal signs when Zoom keeps rejecting its signatures for the clock.
    /// 48 h (Zoom's maximum) lets any disagreement within ±24 h between Zoom's web servers and the clock the portal
    /// measures get in within 3 attempts; a shorter cap keeps signatures shorter-lived and tolerates less.
    /// </summary>
    [Range(typeof(TimeSpan), "00:30:00", "2.00:00:00", ErrorMessage = "Join:MaxSignatureWindow must be between 00:30:00 and 2.00:00:00 (Zoom accepts exp - iat of 1800 s to 48 h).")]
    public TimeSpan MaxSignatureWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>First back-off delay after a network error; it doubles on each further attempt (10 s, 20 s, 40 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Join:NetworkBackOff must be between 00:00:01 and 00:05:00.")]
    public TimeSpan NetworkBackOff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit on loading the SDK's scripts; the loader may never settle.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Join:LoadTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit on the SDK's <c>init</c>, which may call neither callback.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Join:InitTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Limit on the SDK's <c>join</c>, which may call neither callback (e.g. a malformed signature).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Join:JoinTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Signatures one user may get per minute, over all their joins (a reload starts a new join with a new attempt budget).</summary>
    [Range(1, 1000, ErrorMessage = "Join:SignaturesPerUserPerMinute must be between 1 and 1000.")]
    public int SignaturesPerUserPerMinute { get; set; } = 30;

    /// <summary>ZAKs one host may fetch from Zoom per minute; a cached ZAK does not count. Protects the account's API quota.</summary>
    [Range(1, 100, ErrorMessage = "Join:ZakFetchesPerUserPerMinute must be between 1 and 100.")]
    public int ZakFetchesPerUserPerMinute { get; set; } = 5;

    /// <summary>How long a host's ZAK is reused for the same meeting; well under the 2 h Zoom gives it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Join:ZakLifetime must be between 00:01:00 and 01:00:00 (Zoom's ZAK lives 2 h).")]
    public TimeSpan ZakLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
