namespace ZoomPortal.Features.Join;

/// <summary>The device check's findings in plain words, with what to do about each.</summary>
public static class DeviceAdvice
{
    public static IEnumerable<string> For(DeviceCheckResult result, bool heard)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Camera == "unavailable" && result.Microphone == "unavailable")
        {
            yield return "This browser can't use a camera or microphone on this page (it needs the portal's https address and a current browser). You can still join and listen.";
            yield break;
        }

        yield return result.Camera switch
        {
            "ok" => "Your camera works: you should see yourself in the preview.",
            "blocked" => "Your browser blocks this site from using the camera. Allow it with the camera icon in the address bar (or in the site's settings), then check again. You can still join without video.",
            "none" => "No camera was found. Connect one and check again, or join without video.",
            "busy" => "Another app is using your camera. Close it and check again, or join without video.",
            _ => "Your camera didn't start. Check again, or join without video.",
        };
        yield return result.Microphone switch
        {
            "ok" when heard => "Your microphone works: it picks up sound.",
            "ok" => "Your microphone is on: say something and watch the level move.",
            "blocked" => "Your browser blocks this site from using the microphone. Allow it with the microphone icon in the address bar (or in the site's settings), then check again. Without it others won't hear you.",
            "none" => "No microphone was found. Connect one (or a headset) and check again; without it others won't hear you.",
            "busy" => "Another app is using your microphone. Close it and check again.",
            _ => "Your microphone didn't start. Check again.",
        };
        // Zoom's web SDK (6.2.0) takes no camera or microphone at join: it starts with the browser's default devices.
        if (ChoseOtherThanDefault(result.CameraId, result.Cameras) || ChoseOtherThanDefault(result.MicrophoneId, result.Microphones))
        {
            yield return "Zoom starts with your browser's default camera and microphone. If it uses another one than you chose here, switch in Zoom's video or audio menu once you're in.";
        }
    }

    // The browser lists its default device of each kind first.
    private static bool ChoseOtherThanDefault(string? chosen, IReadOnlyList<MediaDevice> devices) =>
        chosen is not null && devices.Count > 1 && devices[0].Id != chosen && devices[0].Id != "default";
}
