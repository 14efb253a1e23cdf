using System.Collections.Frozen;

namespace ZoomPortal.Features.Join.Errors;

/// <summary>
/// Every error the Meeting SDK for Web 6.x reports on init/join (from its own error tables, see
/// shared docs zoom-sdk.md §2), with what the portal does next and what it tells the user.
/// </summary>
public static class JoinErrorCatalog
{
    private static readonly FrozenDictionary<int, JoinErrorInfo> Known = Build().ToFrozenDictionary(e => e.Code);

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
                "Zoom couldn't join you to the meeting and didn't say why in a way we recognise.",
                $"Zoom answered with code {code}, which the portal does not know.");
    }

    /// <summary>Zoom said the signature had expired on its clock (3705, or its text under a generic code).</summary>
    public static bool IsExpiredSignature(int code, string? message) => Classify(code, message).Name == "SIGNATURE_EXPIRED";

    private static IEnumerable<JoinErrorInfo> Build()
    {
        const string Retry = "Please try again in a moment.";
        const string AskAdmin = "Please tell your portal administrator, quoting the support code.";

        // Signature: the clock story. Zoom compares iat/exp with ITS clock.
        yield return new(3705, "SIGNATURE_EXPIRED", JoinErrorCategory.Signature, JoinErrorHandling.RetryWithFreshSignature,
            "Zoom didn't accept the join request because of a time difference between our server and Zoom.",
            "Zoom said the signature had expired (3705): its exp was already past on Zoom's clock.");
        yield return new(3712, "SIGNATURE_INVALID", JoinErrorCategory.Signature, JoinErrorHandling.RetryWithFreshSignature,
            "Zoom didn't accept the join request because of a time difference between our server and Zoom.",
            "Zoom said the signature was invalid (3712): its iat lay in the future on Zoom's clock, or the key, secret, meeting number or role did not match.");
        yield return new(3704, "API_KEY_WRONG", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "The portal's connection to Zoom is misconfigured. " + AskAdmin,
            "Zoom does not know the SDK key in the signature (3704): check Zoom:MeetingSdk:ClientId.");
        yield return new(3710, "API_KEY_DISABLED", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "The portal's connection to Zoom is switched off. " + AskAdmin,
            "The SDK app's key is deactivated in Zoom (3710).");
        yield return new(3708, "ROLE_ERROR", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "Zoom refused the role the portal asked for. " + AskAdmin,
            "Zoom refused the signature's role (3708).");

        // Passcode and meeting state.
        yield return new(3004, "WRONG_PASSCODE", JoinErrorCategory.Passcode, JoinErrorHandling.AskPasscode,
            "That passcode isn't right. Check it with the host and enter it again.",
            "Wrong passcode (3004).");
        yield return new(3714, "WRONG_PASSCODE", JoinErrorCategory.Passcode, JoinErrorHandling.AskPasscode,
            "That passcode isn't right. Check it with the host and enter it again.",
            "Wrong passcode (3714, reported by Zoom's meeting server).");
        yield return new(3008, "MEETING_NOT_STARTED", JoinErrorCategory.NotStarted, JoinErrorHandling.WaitForHost,
            "The meeting hasn't started yet — we'll join you automatically when the host starts it.",
            "The meeting had not started (3008).");
        yield return new(3129, "MEETING_NOT_STARTED", JoinErrorCategory.NotStarted, JoinErrorHandling.WaitForHost,
            "The meeting hasn't started yet — we'll join you automatically when the host starts it.",
            "The meeting had not started (3129).");
        yield return new(4004, "MEETING_ENDED", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "This meeting has ended.", "The meeting had ended (4004).");
        yield return new(4005, "MEETING_FULL", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Wait,
            "The meeting is full. We'll keep trying for a little while.", "The meeting's capacity was reached (4005).");
        yield return new(4006, "MEETING_LOCKED", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "The host has locked this meeting. Ask the host to unlock it, then join again.", "The meeting was locked (4006).");
        yield return new(3001, "MEETING_NOT_EXIST", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "Zoom says this meeting doesn't exist. It may have been deleted; check with the host.", "Zoom does not know the meeting (3001).");
        yield return new(3610, "MEETING_NOT_EXIST", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "Zoom says this meeting doesn't exist. It may have been deleted; check with the host.", "Zoom does not know the meeting (3610).");
        yield return new(3706, "MEETING_NUMBER_WRONG", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "Zoom says this meeting's number is wrong. " + AskAdmin, "The meeting number in the signature was wrong (3706).");
        yield return new(3707, "MEETING_NOT_FOUND", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "Zoom can't find this meeting. It may have been deleted; check with the host.", "The meeting number was not found (3707).");
        yield return new(3709, "HOST_NOT_FOUND", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "Zoom can't find this meeting's host. " + AskAdmin, "The meeting's host was not found (3709).");
        yield return new(3625, "HOST_INACTIVE", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "The meeting's host account is inactive. " + AskAdmin, "The host's Zoom account is inactive (3625).");
        yield return new(3603, "WEB_JOIN_DISABLED", JoinErrorCategory.MeetingUnavailable, JoinErrorHandling.Stop,
            "This meeting can't be joined from a browser. Use the Zoom app, or ask the host to allow joining from the web.",
            "Joining from the web is not allowed for this meeting or account (3603).");

        // Who may join.
        yield return new(3000, "ANOTHER_MEETING_RUNNING", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            "You're already in another Zoom meeting in this browser. Leave it, then join again.", "Another meeting was running in this browser (3000).");
        yield return new(3003, "NOT_HOST", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            "Zoom says you're not the host of this meeting.", "Zoom says the user is not the meeting's host (3003).");
        yield return new(3009, "REMOVED", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            "The host removed you from this meeting.", "The host had removed this participant (3009).");
        yield return new(3713, "NO_PERMISSION", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            "Zoom says you don't have permission to join this meeting.", "No permission (3713).");
        yield return new(3620, "EMAIL_BLOCKED", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            "Your e-mail address is blocked by the meeting's account administrator.", "The participant's e-mail is blocked (3620).");
        yield return new(4007, "INFORMATION_BARRIER", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            "Your organisation's policies don't allow you to join this meeting.", "Rejected by information barriers (4007).");
        yield return new(3099, "REGISTRATION_REQUIRED", JoinErrorCategory.SignInRequired, JoinErrorHandling.Stop,
            "This meeting requires registration. Register with the host first.", "The meeting requires registration (3099).");
        yield return new(3100, "LOGIN_REQUIRED", JoinErrorCategory.SignInRequired, JoinErrorHandling.Stop,
            "This meeting only admits signed-in Zoom users, which the portal can't do for you yet. " + AskAdmin,
            "The meeting requires authenticated participants (3100): it needs a ZAK.");
        yield return new(3005, "EMAIL_REQUIRED", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "Zoom needs your e-mail address to join this webinar. " + AskAdmin, "An e-mail was required (3005, webinars).");

        // The app itself is not allowed.
        yield return new(4011, "APP_NOT_AUTHORISED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            "The portal isn't allowed to join meetings of other Zoom accounts. " + AskAdmin,
            "This app is not authorised to join meetings outside its Zoom account (4011): ask Zoom for app review, or join with an on-behalf-of (OBF) token.");
        yield return new(4012, "JOIN_FLOW_NOT_SUPPORTED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            "This meeting can't be joined through the portal. Use the Zoom app, or contact the host.",
            "Zoom blocked this join flow (4012): meetings outside the app's account need an OBF token or ZAK since 2 March 2026.");
        yield return new(4013, "JOIN_FLOW_NOT_SUPPORTED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            "This meeting can't be joined through the portal. Use the Zoom app, or contact the host.",
            "Zoom blocked this join flow (4013): meetings outside the app's account need an OBF token or ZAK.");
        yield return new(6603, "SDK_KEY_BLOCKED", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Stop,
            "The meeting's account blocks the portal. " + AskAdmin, "The host's account admin blocked this Meeting SDK key (6603).");
        yield return new(3711, "HOST_ELSEWHERE", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            "You're hosting another meeting right now. End it, then start this one.", "The host was already hosting another meeting (3711).");
        yield return new(3623, "ZAK_ERROR", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            "Zoom didn't accept your host credentials. Try starting again; if it keeps happening, tell your portal administrator, quoting the support code.", "Zoom rejected the ZAK (3623).");
        yield return new(3624, "HOST_EMAIL_REQUIRED", JoinErrorCategory.Host, JoinErrorHandling.Stop,
            "Only the host or an alternative host can start this webinar.", "Only the host or an alternative host can start the webinar (3624).");

        // Slow down / transient.
        yield return new(3633, "FREQUENT_CALL", JoinErrorCategory.RateLimited, JoinErrorHandling.Wait,
            "Zoom asked us to slow down. We'll try again in a few seconds.", "join was called more than once in 10 s (3633).");
        yield return new(3634, "FREQUENT_JOIN", JoinErrorCategory.RateLimited, JoinErrorHandling.Stop,
            "Zoom wants to check you're not a robot. Join from the Zoom app this time.", "Zoom asked for a captcha (3634).");
        yield return new(4008, "PARTICIPANT_EXISTS", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "Zoom still sees your previous connection. " + Retry, "Zoom still had a participant for this user (4008).");
        yield return new(4017, "AUTHORISER_NOT_IN_MEETING", JoinErrorCategory.AppNotAuthorised, JoinErrorHandling.Wait,
            "We're waiting for the meeting's owner to be in the meeting.", "The OBF token's user was not in the meeting (4017).");

        // Network.
        yield return new(-3000, "CONNECTION_ERROR", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "We couldn't connect to Zoom's meeting servers. We'll try again.",
            "The SDK could not connect to Zoom (connection error: -3000 before Zoom's web service answered, 200 after it accepted the join): a firewall or proxy between the user and Zoom, or no network.");
        yield return new(403, "SERVICE_OFFLINE", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "Zoom's service is unavailable right now. We'll keep trying.", "Zoom's web service was offline (403).");
        yield return new(3621, "NO_RESPONSE", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "Zoom didn't answer. We'll keep trying.", "No response from Zoom's web server (3621).");
        yield return new(3622, "CONNECT_FAILED", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "We couldn't connect to Zoom. Check your network or firewall; we'll keep trying.", "Could not connect to Zoom's web server (3622).");
        yield return new(3635, "WASM_FAILED", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "Part of the meeting software didn't download. Check your network or firewall; we'll keep trying.",
            "The SDK's WebAssembly files failed to download (3635): check CSP and proxies.");
        yield return new(4000, "RECONNECTING", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "The meeting connection dropped. Reconnecting…", "The meeting was reconnecting (4000).");
        yield return new(4001, "DISCONNECTED", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "The meeting connection was lost. Reconnecting…", "The meeting was disconnected (4001).");
        yield return new(4009, "ZOOM_INTERNAL_ERROR", JoinErrorCategory.Network, JoinErrorHandling.BackOff,
            "Zoom had an internal problem. We'll try again.", "Zoom's server reported an internal error (4009).");

        // The portal's own integration.
        yield return new(2, "MEETING_NOT_INIT", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "The meeting software didn't start properly. Reload the page. " + AskAdmin, "join was called before init completed (2).");
        yield return new(3, "NOT_SUPPORT", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "The meeting software rejected the portal's request. " + AskAdmin, "The SDK does not support a parameter the portal sent (3).");
        yield return new(4003, "INVALID_PARAMETER", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "The portal sent Zoom something it didn't accept. " + AskAdmin, "The SDK rejected a join parameter (4003): name, passcode or meeting number too long.");
        yield return new(3636, "OBF_AND_ZAK", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "The portal sent conflicting credentials. " + AskAdmin, "zak and obfToken were both sent (3636).");
        yield return new(10000, "SDK_TOO_OLD", JoinErrorCategory.SdkVersion, JoinErrorHandling.Stop,
            "The portal's Zoom component is out of date. " + AskAdmin,
            "Zoom no longer accepts this SDK version (10000): Zoom enforces a minimum version every quarter; update @zoom/meetingsdk.");
        yield return new(1, "FAIL", JoinErrorCategory.Unknown, JoinErrorHandling.Stop,
            "Zoom couldn't join you to the meeting. " + Retry, "Zoom answered with its generic failure (1); its message is below.");
        yield return new(200, "FAIL", JoinErrorCategory.Unknown, JoinErrorHandling.Stop,
            "Zoom couldn't join you to the meeting. " + Retry, "Zoom answered with its generic failure (200); its message is below.");

        yield return new(PortalErrorCodes.SdkTimeout, "PORTAL_SDK_TIMEOUT", JoinErrorCategory.Timeout, JoinErrorHandling.BackOff,
            "Zoom took too long to answer. We'll try again.", "The SDK called neither callback within the portal's timeout.");
        yield return new(PortalErrorCodes.SdkLoadFailed, "PORTAL_SDK_LOAD_FAILED", JoinErrorCategory.Network, JoinErrorHandling.Stop,
            "The meeting software couldn't be loaded. Check your network, then reload the page.", "The SDK's scripts could not be loaded in the browser.");
        yield return new(PortalErrorCodes.SignatureRefused, "PORTAL_SIGNATURE_REFUSED", JoinErrorCategory.Permission, JoinErrorHandling.Stop,
            "You can't join this meeting from your account.", "The portal refused to sign: the user may not join this meeting with this role.");
        yield return new(PortalErrorCodes.BrowserUnsupported, "PORTAL_BROWSER_UNSUPPORTED", JoinErrorCategory.Configuration, JoinErrorHandling.Stop,
            "This browser can't run Zoom meetings. Use a current Chrome, Edge, Firefox or Safari.", "The browser lacks what the SDK needs.");
        yield return new(PortalErrorCodes.Abandoned, "PORTAL_ABANDONED", JoinErrorCategory.None, JoinErrorHandling.Stop,
            "You left before joining.", "The attendee left the join page before the attempt finished.");
    }
}

/// <summary>One SDK error: what it is, what the portal does next, and the words for users and admins.</summary>
public sealed record JoinErrorInfo(
    int Code,
    string Name,
    JoinErrorCategory Category,
    JoinErrorHandling Handling,
    string UserMessage,
    string AdminDiagnosis);
