using System.Collections.Frozen;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Join.Errors;

/// <summary>
/// Every error the Meeting SDK for Web 6.x reports on init/join (from its own error tables, see
/// shared docs zoom-sdk.md §2), with what the portal does next and what it tells the user.
/// </summary>
public static class JoinErrorCatalog
{
    private static readonly FrozenDictionary<int, JoinErrorInfo> Known = Build().ToFrozenDictionary(e => e.Code);

    // Resource keys, not texts: the catalog is built once, and each text is read in the culture of whoever sees it (the
    // attendee's join page, the admin's log).
    private static LaterText L => LaterText.Instance;

    /// <summary>All known entries, for documentation and tests.</summary>
    public static IEnumerable<JoinErrorInfo> All => Known.Values.OrderBy(e => e.Code);

    /// <summary>
    /// The entry for an SDK error. Zoom's generic codes (1 in the Client View, 200 in the Component View) carry the
    /// real reason in their text; "The signature has expired." there is the old SDKs' way of saying 3705.
    /// </summary>
    public static JoinErrorInfo Classify(int code, string? message)
    {
        // After Zoom's web service accepted the join, the Component View reports unreachable meeting servers as its
        // generic 200 with "connection error"; the Client View's "Fail to join the meeting." without any text from Zoom
        // (the module reads Zoom's text first) means Zoom's web service never answered. Both are the network.
        if ((code == 200 && string.Equals(message?.Trim(), "connection error", StringComparison.OrdinalIgnoreCase)) ||
            (code == 1 && string.Equals(message?.Trim(), "Fail to join the meeting.", StringComparison.Ordinal)))
        {
            return Known[-3000] with { Code = code };
        }

        if (code is 1 or 200 && message is not null)
        {
            if (message.Contains("signature has expired", StringComparison.OrdinalIgnoreCase))
            {
                return Known[3705] with { Code = code };
            }

            if (message.Contains("invalid signature", StringComparison.OrdinalIgnoreCase) ||
                message.Contains("signature is invalid", StringComparison.OrdinalIgnoreCase))
            {
                return Known[3712] with { Code = code };
            }
        }

        return Known.TryGetValue(code, out var info)
            ? info
            : new JoinErrorInfo(code, "UNKNOWN", JoinErrorCategory.Unknown, JoinErrorHandling.Stop,
                L["JoinError.Unknown.User"], L["JoinError.Unknown.Admin", code]);
    }

    /// <summary>Zoom said the signature had expired on its clock (3705, or its text under a generic code).</summary>
    public static bool IsExpiredSignature(int code, string? message) => Classify(code, message).Name == "SIGNATURE_EXPIRED";

    private static IEnumerable<JoinErrorInfo> Build()
    {
        // Signature: the clock story. Zoom compares iat/exp with ITS clock.
        yield return new(3705, "SIGNATURE_EXPIRED", JoinErrorCategory.Signature, JoinErrorHandling.RetryWithFreshSignature,
            L["JoinError.Signature.User"], L["JoinError.SignatureExpired.Admin"]);
        yield return new(3712, "SIGNATURE_INVALID", JoinErrorCategory.Signature, JoinErrorHandling.RetryWithFreshSignature,
            L["JoinError.Signature.User"], L["JoinError.SignatureInvalid.Admin"]);
        yield return new(3704, "API_KEY_WRONG", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.ApiKeyWrong.User"], L["JoinError.ApiKeyWrong.Admin"]);
        yield return new(3710, "API_KEY_DISABLED", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.ApiKeyDisabled.User"], L["JoinError.ApiKeyDisabled.Admin"]);
        yield return new(3708, "ROLE_ERROR", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.RoleError.User"], L["JoinError.RoleError.Admin"]);

        // Passcode and meeting state.
        yield return new(3004, "WRONG_PASSCODE", JoinErrorCategory.Passcode, JoinErrorHandling.AskPasscode,
            L["JoinError.WrongPasscode.User"], L["JoinError.WrongPasscode.Admin"]);
        yield return new(3714, "WRONG_PASSCODE", JoinErrorCategory.Passcode, JoinErrorHandling.AskPasscode,
            L["JoinError.WrongPasscode.User"], L["JoinError.WrongPasscode.AdminMeetingServer"]);
        yield return new(3008, "MEETING_NOT_STARTED", JoinErrorCategory.NotStarted, JoinErrorHandling.WaitForHost,
            L["JoinError.MeetingNotStarted.User"], L["JoinError.MeetingNotStarted.Admin", 3008]);
        yield return new(3129, "MEETING_NOT_STARTED", JoinErrorCategory.NotStarted, JoinErrorHandling.WaitForHost,
            L["JoinError.MeetingNotStarted.User"], L["JoinError.MeetingNotStarted.Admin", 3129]);
        yield return new(4004, "MEETING_ENDED", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.MeetingEnded.User"], L["JoinError.MeetingEnded.Admin"]);
        yield return new(4005, "MEETING_FULL", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Wait,
            L["JoinError.MeetingFull.User"], L["JoinError.MeetingFull.Admin"]);
        yield return new(4006, "MEETING_LOCKED", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.MeetingLocked.User"], L["JoinError.MeetingLocked.Admin"]);
        yield return new(3001, "MEETING_NOT_EXIST", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.MeetingNotExist.User"], L["JoinError.MeetingNotExist.Admin", 3001]);
        yield return new(3610, "MEETING_NOT_EXIST", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.MeetingNotExist.User"], L["JoinError.MeetingNotExist.Admin", 3610]);
        yield return new(3706, "MEETING_NUMBER_WRONG", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.MeetingNumberWrong.User"], L["JoinError.MeetingNumberWrong.Admin"]);
        yield return new(3707, "MEETING_NOT_FOUND", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.MeetingNotFound.User"], L["JoinError.MeetingNotFound.Admin"]);
        yield return new(3709, "HOST_NOT_FOUND", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.HostNotFound.User"], L["JoinError.HostNotFound.Admin"]);
        yield return new(3625, "HOST_INACTIVE", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.HostInactive.User"], L["JoinError.HostInactive.Admin"]);
        yield return new(3603, "WEB_JOIN_DISABLED", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            L["JoinError.WebJoinDisabled.User"], L["JoinError.WebJoinDisabled.Admin"]);

        // Who may join.
        yield return new(3000, "ANOTHER_MEETING_RUNNING", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            L["JoinError.AnotherMeetingRunning.User"], L["JoinError.AnotherMeetingRunning.Admin"]);
        yield return new(3003, "NOT_HOST", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            L["JoinError.NotHost.User"], L["JoinError.NotHost.Admin"]);
        yield return new(3009, "REMOVED", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            L["JoinError.Removed.User"], L["JoinError.Removed.Admin"]);
        yield return new(3713, "NO_PERMISSION", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            L["JoinError.NoPermission.User"], L["JoinError.NoPermission.Admin"]);
        yield return new(3620, "EMAIL_BLOCKED", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            L["JoinError.EmailBlocked.User"], L["JoinError.EmailBlocked.Admin"]);
        yield return new(4007, "INFORMATION_BARRIER", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            L["JoinError.InformationBarrier.User"], L["JoinError.InformationBarrier.Admin"]);
        yield return new(3099, "REGISTRATION_REQUIRED", JoinErrorCategory.SignInRequired, JoinErrorHandling.Stop,
            L["JoinError.RegistrationRequired.User"], L["JoinError.RegistrationRequired.Admin"]);
        yield return new(3100, "LOGIN_REQUIRED", JoinErrorCategory.SignInRequired, JoinErrorHandling.Stop,
            L["JoinError.LoginRequired.User"], L["JoinError.LoginRequired.Admin"]);
        yield return new(3005, "EMAIL_REQUIRED", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.EmailRequired.User"], L["JoinError.EmailRequired.Admin"]);

        // The app itself is not allowed.
        yield return new(4011, "APP_NOT_AUTHORISED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            L["JoinError.AppNotAuthorised.User"], L["JoinError.AppNotAuthorised.Admin"]);
        yield return new(4012, "JOIN_FLOW_NOT_SUPPORTED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            L["JoinError.JoinFlowNotSupported.User"], L["JoinError.JoinFlowNotSupported.AdminSinceMarch"]);
        yield return new(4013, "JOIN_FLOW_NOT_SUPPORTED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            L["JoinError.JoinFlowNotSupported.User"], L["JoinError.JoinFlowNotSupported.Admin"]);
        yield return new(6603, "SDK_KEY_BLOCKED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            L["JoinError.SdkKeyBlocked.User"], L["JoinError.SdkKeyBlocked.Admin"]);
        yield return new(3711, "HOST_ELSEWHERE", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            L["JoinError.HostElsewhere.User"], L["JoinError.HostElsewhere.Admin"]);
        yield return new(3623, "ZAK_ERROR", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            L["JoinError.ZakError.User"], L["JoinError.ZakError.Admin"]);
        yield return new(3624, "HOST_EMAIL_REQUIRED", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            L["JoinError.HostEmailRequired.User"], L["JoinError.HostEmailRequired.Admin"]);

        // Slow down / transient.
        yield return new(3633, "FREQUENT_CALL", JoinErrorCategory.RateLimited, JoinErrorHandling.Wait,
            L["JoinError.FrequentCall.User"], L["JoinError.FrequentCall.Admin"]);
        yield return new(3634, "FREQUENT_JOIN", JoinErrorCategory.RateLimited, JoinErrorHandling.Stop,
            L["JoinError.FrequentJoin.User"], L["JoinError.FrequentJoin.Admin"]);
        yield return new(4008, "PARTICIPANT_EXISTS", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.ParticipantExists.User"], L["JoinError.ParticipantExists.Admin"]);
        yield return new(4017, "AUTHORISER_NOT_IN_MEETING", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Wait,
            L["JoinError.AuthoriserNotInMeeting.User"], L["JoinError.AuthoriserNotInMeeting.Admin"]);

        // Network.
        yield return new(-3000, "CONNECTION_ERROR", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.ConnectionError.User"], L["JoinError.ConnectionError.Admin"]);
        yield return new(403, "SERVICE_OFFLINE", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.ServiceOffline.User"], L["JoinError.ServiceOffline.Admin"]);
        yield return new(3621, "NO_RESPONSE", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.NoResponse.User"], L["JoinError.NoResponse.Admin"]);
        yield return new(3622, "CONNECT_FAILED", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.ConnectFailed.User"], L["JoinError.ConnectFailed.Admin"]);
        yield return new(3635, "WASM_FAILED", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.WasmFailed.User"], L["JoinError.WasmFailed.Admin"]);
        yield return new(4000, "RECONNECTING", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.Reconnecting.User"], L["JoinError.Reconnecting.Admin"]);
        yield return new(4001, "DISCONNECTED", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.Disconnected.User"], L["JoinError.Disconnected.Admin"]);
        yield return new(4009, "ZOOM_INTERNAL_ERROR", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            L["JoinError.ZoomInternalError.User"], L["JoinError.ZoomInternalError.Admin"]);

        // The portal's own integration.
        yield return new(2, "MEETING_NOT_INIT", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.MeetingNotInit.User"], L["JoinError.MeetingNotInit.Admin"]);
        yield return new(3, "NOT_SUPPORT", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.NotSupport.User"], L["JoinError.NotSupport.Admin"]);
        yield return new(4003, "INVALID_PARAMETER", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.InvalidParameter.User"], L["JoinError.InvalidParameter.Admin"]);
        yield return new(3636, "OBF_AND_ZAK", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.ObfAndZak.User"], L["JoinError.ObfAndZak.Admin"]);
        yield return new(10000, "SDK_TOO_OLD", JoinErrorCategory.SdkVersion, JoinErrorHandling.Stop,
            L["JoinError.SdkTooOld.User"], L["JoinError.SdkTooOld.Admin"]);
        yield return new(1, "FAIL", JoinErrorCategory.Unknown, JoinErrorHandling.Stop,
            L["JoinError.Fail.User"], L["JoinError.Fail.Admin", 1]);
        yield return new(200, "FAIL", JoinErrorCategory.Unknown, JoinErrorHandling.Stop,
            L["JoinError.Fail.User"], L["JoinError.Fail.Admin", 200]);
        yield return new(PortalErrorCodes.SdkTimeout, "PORTAL_SDK_TIMEOUT", JoinErrorCategory.Timeout, JoinErrorHandling.BackOff,
            L["JoinError.PortalSdkTimeout.User"], L["JoinError.PortalSdkTimeout.Admin"]);
        yield return new(PortalErrorCodes.SdkLoadFailed, "PORTAL_SDK_LOAD_FAILED", JoinErrorCategory.Network, JoinErrorHandling.Stop,
            L["JoinError.PortalSdkLoadFailed.User"], L["JoinError.PortalSdkLoadFailed.Admin"]);
        yield return new(PortalErrorCodes.SignatureRefused, "PORTAL_SIGNATURE_REFUSED", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            L["JoinError.PortalSignatureRefused.User"], L["JoinError.PortalSignatureRefused.Admin"]);
        yield return new(PortalErrorCodes.BrowserUnsupported, "PORTAL_BROWSER_UNSUPPORTED", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            L["JoinError.PortalBrowserUnsupported.User"], L["JoinError.PortalBrowserUnsupported.Admin"]);
        yield return new(PortalErrorCodes.Abandoned, "PORTAL_ABANDONED", JoinErrorCategory.None, JoinErrorHandling.Stop,
            L["JoinError.PortalAbandoned.User"], L["JoinError.PortalAbandoned.Admin"]);
    }
}

/// <summary>One SDK error: what it is, what the portal does next, and the words for users and admins.</summary>
public sealed record JoinErrorInfo(
    int Code,
    string Name,
    JoinErrorCategory Category,
    JoinErrorHandling Handling,
    LocalisedText User,
    LocalisedText Admin)
{
    /// <summary>What the user is told, in the current UI culture.</summary>
    public string UserMessage => User.ToString();

    /// <summary>What an administrator is told, in the current UI culture.</summary>
    public string AdminDiagnosis => Admin.ToString();
}
