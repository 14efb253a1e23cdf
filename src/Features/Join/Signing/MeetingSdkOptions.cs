using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// The Meeting SDK app whose credentials sign join signatures. Bound from <c>Zoom:MeetingSdk</c>.
/// In Sandbox mode the credentials default to <see cref="SandboxSdkCredentials"/>; in Live mode they are required.
/// </summary>
public sealed class MeetingSdkOptions
{
    public const string SectionName = "Zoom:MeetingSdk";

    /// <summary>The Meeting SDK key or Client ID; written to the signature's <c>appKey</c> claim.</summary>
    public string? ClientId { get; set; }

    /// <summary>The HMAC key of the signature. Set it through user-secrets or an environment variable; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary><c>exp − iat</c> of a signature. Zoom accepts 1800 s to 48 h.</summary>
    [Range(typeof(TimeSpan), "00:30:00", "2.00:00:00",
        ErrorMessage = "Zoom:MeetingSdk:SignatureLifetime must be between 00:30:00 and 2.00:00:00 (Zoom accepts exp - iat of 1800 s to 48 h).")]
    public TimeSpan SignatureLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How far <c>iat</c> is backdated beyond the clock estimate's uncertainty, so Zoom never sees it in the future.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Zoom:MeetingSdk:IatMargin must be between 00:00:00 and 00:10:00.")]
    public TimeSpan IatMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Also write the legacy <c>sdkKey</c> claim; only Web SDKs older than 5.0 need it (6.x warns about it).</summary>
    public bool IncludeLegacySdkKey { get; set; }

    /// <summary>When set, written as the <c>video_webrtc_mode</c> claim: 1 turns on WebRTC video (gallery view without isolation headers).</summary>
    [Range(0, 1, ErrorMessage = "Zoom:MeetingSdk:VideoWebRtcMode must be 0 or 1 when set.")]
    public int? VideoWebRtcMode { get; set; }
}
