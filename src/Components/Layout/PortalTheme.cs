using MudBlazor;

namespace ZoomPortal.Components.Layout;

internal static class PortalTheme
{
    // Zoom-adjacent blue with text contrast above 4.5:1 on both palettes.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cff",
            AppbarBackground = "#0b3d91",
            Secondary = "#6a3fb5",
            // Darker status colours keep outlined alerts readable (WCAG AA) on white.
            Warning = "#9a5800",
            Error = "#c62828",
            Success = "#2e7d32",
            Info = "#0b5cff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7aa7ff",
            // Dark text on the light-blue buttons, and secondary text bright enough for 4.5:1 on dark surfaces
            // (MudBlazor's defaults, white on #7aa7ff and 50 % white, fail axe's contrast check).
            PrimaryContrastText = "#0b1530",
            TextSecondary = "rgba(255,255,255,0.72)",
            AppbarBackground = "#111a2e",
            Secondary = "#c5a3ff",
            // Dark text on the light-purple buttons (the join-error log's Export CSV): white on #c5a3ff fails axe in dark mode.
            SecondaryContrastText = "#1f0a40",
            // Light status colours: MudBlazor's defaults in alerts' text fail axe's contrast check on dark surfaces.
            Info = "#9cc0ff",
            Warning = "#ffc46b",
            Success = "#8fd694",
            Error = "#ff9a90",
        },
    };
}
