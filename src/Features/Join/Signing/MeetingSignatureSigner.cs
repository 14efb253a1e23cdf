using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// Signs Meeting SDK JWTs (HS256) as Zoom's Web SDK 5.0+ expects them: <c>appKey, mn, role, iat, exp, tokenExp</c>,
/// with <c>iat</c> on Zoom's clock and backdated by the margin plus the clock estimate's uncertainty, or, after Zoom
/// rejected earlier signatures of the join, in the window <see cref="SignatureWindowSchedule"/> plans.
/// Sign a fresh one for every join attempt.
/// </summary>
public sealed partial class MeetingSignatureSigner
{
    /// <summary>Zoom meeting ids have 9–12 digits today; 15 leaves room and stays exact in JavaScript numbers.</summary>
    public const long MaxMeetingNumber = 999_999_999_999_999;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly MeetingSdkOptions _options;
    private readonly IZoomClock _clock;
    private readonly ILogger<MeetingSignatureSigner> _logger;
    private readonly SigningCredentials _credentials;

    public MeetingSignatureSigner(IOptions<MeetingSdkOptions> options, IZoomClock clock, ILogger<MeetingSignatureSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        if (string.IsNullOrEmpty(_options.ClientId) || string.IsNullOrEmpty(_options.ClientSecret))
        {
            throw new InvalidOperationException("Zoom:MeetingSdk:ClientId and Zoom:MeetingSdk:ClientSecret must be set before signatures can be signed.");
        }

        _credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_options.ClientSecret)), SecurityAlgorithms.HmacSha256);
    }

    /// <summary>Signs a signature for one join attempt.</summary>
    /// <param name="meetingNumber">The meeting number, 1 to <see cref="MaxMeetingNumber"/>.</param>
    /// <param name="role">Participant, or host to start the meeting (the host also needs a ZAK).</param>
    /// <param name="history">How Zoom rejected this join's earlier signatures; null or empty signs around the measured clock.</param>
    public MeetingSignature Sign(long meetingNumber, ZoomRole role, SignatureHistory? history = null)
    {
        if (meetingNumber is < 1 or > MaxMeetingNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(meetingNumber), meetingNumber, "A meeting number has 1 to 15 digits and is positive.");
        }

        var estimate = _clock.Current;
        var uncertainty = estimate.Uncertainty < TimeSpan.Zero ? TimeSpan.Zero : estimate.Uncertainty;
        var zoomNow = _clock.ZoomNow();
        var serverNow = zoomNow - estimate.Offset;
        var window = SignatureWindowSchedule.Plan(
            estimate.Offset,
            _options.IatMargin + uncertainty,
            _options.SignatureLifetime,
            history?.MaxWindow ?? SignatureWindowSchedule.ZoomMaximum,
            history?.Rejections ?? [],
            history?.LastAttempt ?? false);
        var iat = (serverNow + window.Start).ToUnixTimeSeconds();
        var exp = iat + (long)Math.Floor(window.Length.TotalSeconds);

        // Numbers must stay JSON numbers (Zoom rejects a string iat); mn is a string, as the 6.x SDK passes meetingNumber.
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["appKey"] = _options.ClientId!,
            ["mn"] = meetingNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["role"] = role.Value,
            ["iat"] = iat,
            ["exp"] = exp,
            ["tokenExp"] = exp,
        };
        if (_options.IncludeLegacySdkKey)
        {
            claims["sdkKey"] = _options.ClientId!;
        }

        if (_options.VideoWebRtcMode is { } videoWebRtcMode)
        {
            claims["video_webrtc_mode"] = videoWebRtcMode;
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = _credentials });
        var signature = new MeetingSignature(
            token,
            meetingNumber,
            role,
            DateTimeOffset.FromUnixTimeSeconds(iat),
            DateTimeOffset.FromUnixTimeSeconds(exp),
            estimate.Offset,
            uncertainty,
            window.Kind,
            serverNow);
        LogSigned(_logger, meetingNumber, role, signature.IssuedAt, signature.ExpiresAt, window.Kind, estimate.Offset, uncertainty, estimate.IsKnown);
        return signature;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Signed a Meeting SDK signature for meeting {MeetingNumber} as role {Role}: iat {IssuedAt:O}, exp {ExpiresAt:O} ({Window} window), Zoom clock offset {Offset} ± {Uncertainty} (measured: {ClockMeasured})")]
    private static partial void LogSigned(ILogger logger, long meetingNumber, ZoomRole role, DateTimeOffset issuedAt, DateTimeOffset expiresAt, SignatureWindowKind window, TimeSpan offset, TimeSpan uncertainty, bool clockMeasured);
}
