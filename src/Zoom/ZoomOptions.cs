using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Zoom;

/// <summary>
/// How the portal reaches Zoom. Bound from <c>Zoom</c>. When <c>Zoom:Mode</c> is not set, the mode is Sandbox in
/// Development without API credentials and Live otherwise; <see cref="Mode"/> always holds the effective mode.
/// </summary>
public sealed class ZoomOptions
{
    public const string SectionName = "Zoom";

    public ZoomMode Mode { get; set; } = ZoomMode.Live;

    public ZoomApiOptions Api { get; set; } = new();

    public ZoomSandboxOptions Sandbox { get; set; } = new();

    public ZoomClockOptions Clock { get; set; } = new();
}
