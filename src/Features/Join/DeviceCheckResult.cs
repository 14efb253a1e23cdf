using System.Text.Json.Serialization;

namespace ZoomPortal.Features.Join;

/// <summary>What the device check's module found; browser input, so <see cref="Checked"/> bounds every field.</summary>
public sealed record DeviceCheckResult(
    [property: JsonPropertyName("camera")] string? Camera,
    [property: JsonPropertyName("microphone")] string? Microphone,
    [property: JsonPropertyName("cameraId")] string? CameraId,
    [property: JsonPropertyName("microphoneId")] string? MicrophoneId,
    [property: JsonPropertyName("devices")] IReadOnlyList<MediaDevice>? Devices)
{
    public const int MaxDevices = 32;

    /// <summary>Longest <see cref="Summary"/> kept with a join attempt.</summary>
    public const int MaxSummaryLength = 300;
    private const int MaxIdLength = 256;
    private const int MaxLabelLength = 128;
    private static readonly string[] Statuses = ["ok", "blocked", "none", "busy", "unavailable", "error"];

    public IReadOnlyList<MediaDevice> Cameras => [.. (Devices ?? []).Where(d => d.Kind == MediaDevice.VideoInput)];

    public IReadOnlyList<MediaDevice> Microphones => [.. (Devices ?? []).Where(d => d.Kind == MediaDevice.AudioInput)];

    /// <summary>The same result with unknown statuses as "error", ids and labels cut to length, and at most 32 devices.</summary>
    public DeviceCheckResult Checked() => new(
        Status(Camera),
        Status(Microphone),
        Cut(CameraId, MaxIdLength),
        Cut(MicrophoneId, MaxIdLength),
        [.. (Devices ?? [])
            .Where(d => d is { Kind: MediaDevice.VideoInput or MediaDevice.AudioInput, Id.Length: > 0 })
            .Take(MaxDevices)
            .Select(d => new MediaDevice(d.Kind, Cut(d.Id, MaxIdLength)!, Cut(d.Label, MaxLabelLength) ?? string.Empty))]);

    /// <summary>The label of the device in use, for the join's record; null when none is in use.</summary>
    public string? LabelOf(string? deviceId) => deviceId is null ? null : Devices?.FirstOrDefault(d => d.Id == deviceId)?.Label;

    /// <summary>What the join records: each device's status and the label of the one in use, e.g. "camera ok: Integrated Camera; microphone blocked".</summary>
    public string Summary()
    {
        var camera = LabelOf(CameraId) is { Length: > 0 } c ? $"camera {Camera}: {c}" : $"camera {Camera}";
        var microphone = LabelOf(MicrophoneId) is { Length: > 0 } m ? $"microphone {Microphone}: {m}" : $"microphone {Microphone}";
        var text = $"{camera}; {microphone}";
        return text.Length <= MaxSummaryLength ? text : text[..MaxSummaryLength];
    }

    private static string Status(string? value) => Statuses.Contains(value) ? value! : "error";

    private static string? Cut(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
