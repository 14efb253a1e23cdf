namespace ZoomPortal.Zoom;

/// <summary>Whether the portal talks to Zoom or to its in-process Zoom sandbox.</summary>
public enum ZoomMode
{
    Live,
    Sandbox,
}
