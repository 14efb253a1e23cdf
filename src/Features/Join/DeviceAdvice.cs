using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Join;

/// <summary>The device check's findings in plain words, with what to do about each.</summary>
public static class DeviceAdvice
{
    private static StaticText L => StaticText.Instance;

    public static IEnumerable<string> For(DeviceCheckResult result, bool heard)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Camera == "unavailable" && result.Microphone == "unavailable")
        {
            yield return L["Join.Advice.Unavailable"];
            yield break;
        }

        yield return result.Camera switch
        {
            "ok" => L["Join.Advice.CameraOk"],
            "blocked" => L["Join.Advice.CameraBlocked"],
            "none" => L["Join.Advice.CameraNone"],
            "busy" => L["Join.Advice.CameraBusy"],
            _ => L["Join.Advice.CameraError"],
        };
        yield return result.Microphone switch
        {
            "ok" when heard => L["Join.Advice.MicrophoneHeard"],
            "ok" => L["Join.Advice.MicrophoneOk"],
            "blocked" => L["Join.Advice.MicrophoneBlocked"],
            "none" => L["Join.Advice.MicrophoneNone"],
            "busy" => L["Join.Advice.MicrophoneBusy"],
            _ => L["Join.Advice.MicrophoneError"],
        };
        // Zoom's web SDK (6.2.0) takes no camera or microphone at join: it starts with the browser's default devices.
        if (ChoseOtherThanDefault(result.CameraId, result.Cameras) || ChoseOtherThanDefault(result.MicrophoneId, result.Microphones))
        {
            yield return L["Join.Advice.ZoomDefaults"];
        }
    }

    // The browser lists its default device of each kind first.
    private static bool ChoseOtherThanDefault(string? chosen, IReadOnlyList<MediaDevice> devices) =>
        chosen is not null && devices.Count > 1 && devices[0].Id != chosen && devices[0].Id != "default";
}
