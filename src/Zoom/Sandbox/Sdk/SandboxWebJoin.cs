using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ZoomPortal.Zoom.Sandbox.Sdk;

/// <summary>
/// The checks Zoom's web service makes when the SDK joins (shared docs zoom-sdk.md §1–§2), against the sandbox's
/// account and clock, with no tolerance for skew: the point is to reproduce Zoom's rejections. Answers carry Zoom's
/// generic codes and English messages; the stand-in maps them to SDK codes as the real SDK does.
/// </summary>
internal sealed partial class SandboxWebJoin(ZoomSandboxAccount account, ILogger<SandboxWebJoin> logger, SandboxWebhookSender? webhooks = null)
{
    /// <summary>Zoom's web service code for signature and meeting-number errors; the message says which.</summary>
    public const int SignatureErrorCode = 200;

    /// <summary>Zoom's web service code for ZAK errors.</summary>
    public const int TokenErrorCode = 3136;

    public const int WrongPasscodeCode = 3004;
    public const int NotStartedCode = 3008;

    public const string InvalidSignature = "Invalid signature.";
    public const string SignatureExpired = "The signature has expired.";
    public const string MeetingNumberWrong = "The meeting number is wrong.";
    public const string MeetingNotFound = "The meeting number is not found.";
    public const string RoleError = "The role is not applicable.";
    public const string TokenError = "Token error";
    public const string WrongPasscode = "Meeting Passcode wrong.";
    public const string NotStarted = "Meeting has not started";

    public const long MinLifetimeSeconds = 1800;
    public const long MaxLifetimeSeconds = 48 * 3600;

    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(ZoomSandboxAccount.MeetingSdkClientSecret);

    /// <summary>Checks a join at <paramref name="sandboxNow"/> (the sandbox's clock); a valid host join starts the meeting.</summary>
    public SandboxWebJoinAnswer Check(SandboxWebJoinRequest request, DateTimeOffset sandboxNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = Decide(request, sandboxNow, out var role);
        LogJoin(logger, request.MeetingNumber ?? "?", role, answer.Status, answer.ErrorCode, answer.ErrorMessage ?? "joined");
        return answer;
    }

    private SandboxWebJoinAnswer Decide(SandboxWebJoinRequest request, DateTimeOffset sandboxNow, out int role)
    {
        role = -1;
        if (ReadClaims(request.Signature) is not { } claims)
        {
            return Fail(SignatureErrorCode, InvalidSignature);
        }

        using (claims)
        {
            var payload = claims.RootElement;
            if (!payload.TryGetProperty("appKey", out var appKey) || appKey.ValueKind != JsonValueKind.String ||
                !appKey.ValueEquals(ZoomSandboxAccount.MeetingSdkClientId))
            {
                return Fail(SignatureErrorCode, InvalidSignature);
            }

            // Zoom wants iat and exp as JSON numbers: a string "iat" is an invalid signature.
            if (!TryReadSeconds(payload, "iat", out var iat) || !TryReadSeconds(payload, "exp", out var exp) ||
                exp - iat is < MinLifetimeSeconds or > MaxLifetimeSeconds)
            {
                return Fail(SignatureErrorCode, InvalidSignature);
            }

            var now = sandboxNow.ToUnixTimeSeconds();
            if (iat > now)
            {
                return Fail(SignatureErrorCode, InvalidSignature);
            }

            if (exp <= now)
            {
                return Fail(SignatureErrorCode, SignatureExpired);
            }

            if (!payload.TryGetProperty("role", out var roleClaim) || roleClaim.ValueKind != JsonValueKind.Number ||
                !roleClaim.TryGetInt32(out role) || role is not (0 or 1))
            {
                role = -1;
                return Fail(SignatureErrorCode, RoleError);
            }

            if (!payload.TryGetProperty("mn", out var mn) || MeetingNumberOf(mn) is not { } signedNumber ||
                !string.Equals(signedNumber, request.MeetingNumber, StringComparison.Ordinal))
            {
                return Fail(SignatureErrorCode, MeetingNumberWrong);
            }
        }

        if (!long.TryParse(request.MeetingNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId) ||
            account.FindMeeting(meetingId) is not { } meeting)
        {
            return Fail(SignatureErrorCode, MeetingNotFound);
        }

        if (role == 1)
        {
            if (string.IsNullOrEmpty(request.Zak) || account.UserOfZak(request.Zak) != meeting.HostId)
            {
                return Fail(TokenErrorCode, TokenError);
            }

            account.MarkStarted(meeting.Id);
            webhooks?.MeetingStarted(meeting);
        }
        else
        {
            if (account.PasscodeOf(meeting.Id) is { } passcode && !SameText(passcode, request.Password ?? string.Empty))
            {
                return Fail(WrongPasscodeCode, WrongPasscode);
            }

            if (account.StatusOf(meeting.Id) != ZoomSandboxAccount.Started)
            {
                return Fail(NotStartedCode, NotStarted);
            }
        }

        webhooks?.ParticipantJoined(meeting, request.UserName ?? string.Empty, request.UserEmail, request.CustomerKey);
        return new SandboxWebJoinAnswer { Status = true, Result = MeetingInfo(meeting, role) };
    }

    private SandboxMeetingInfo MeetingInfo(ZoomSandboxMeeting meeting, int role)
    {
        var host = account.FindUser(meeting.HostId);
        var hostName = host?.DisplayName ?? "Sandbox host";
        List<SandboxParticipant> others = role == 1 ? [] : [new(16778241, hostName, IsHost: true)];
        others.Add(new(16778242, "Sam Rivera (simulated)", IsHost: false));
        others.Add(new(16778243, "Jordan Lee (simulated)", IsHost: false));
        return new SandboxMeetingInfo
        {
            MeetingNumber = meeting.Id.ToString(CultureInfo.InvariantCulture),
            Topic = meeting.Topic,
            Role = role,
            HostName = hostName,
            Participants = others,
        };
    }

    /// <summary>The payload of an HS256 JWT signed with the sandbox SDK secret, or null for anything else.</summary>
    private static JsonDocument? ReadClaims(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts.Any(p => p.Length == 0))
        {
            return null;
        }

        try
        {
            using (var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])))
            {
                if (header.RootElement.ValueKind != JsonValueKind.Object ||
                    !header.RootElement.TryGetProperty("alg", out var alg) || !alg.ValueEquals("HS256"))
                {
                    return null;
                }
            }

            var expected = HMACSHA256.HashData(Secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return null;
            }

            var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (payload.RootElement.ValueKind == JsonValueKind.Object)
            {
                return payload;
            }

            payload.Dispose();
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static bool TryReadSeconds(JsonElement payload, string name, out long seconds)
    {
        seconds = 0;
        return payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out seconds);
    }

    private static string? MeetingNumberOf(JsonElement mn) => mn.ValueKind switch
    {
        JsonValueKind.String => mn.GetString(),
        JsonValueKind.Number when mn.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool SameText(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static SandboxWebJoinAnswer Fail(int code, string message) => SandboxWebJoinAnswer.Fail(code, message);

    // Never the signature, passcode or ZAK.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox web join for meeting {MeetingNumber} as role {Role}: status {Status}, code {ErrorCode} ({Outcome})")]
    private static partial void LogJoin(ILogger logger, string meetingNumber, int role, bool status, int errorCode, string outcome);
}
