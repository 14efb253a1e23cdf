using System.Globalization;
using System.Text;
using MudBlazor;
using MudBlazor.Utilities;

namespace ZoomPortal.Components.Layout;

/// <summary>
/// The dark palette as CSS for the first paint. MudBlazor applies the OS's dark mode only once a page is interactive
/// (and never on static pages such as the development sign-in), so every page would flash light first. This block
/// sets the same palette variables under <c>prefers-color-scheme: dark</c> before anything runs; once MudBlazor has
/// switched to dark it writes the same values, so nothing changes on screen.
/// </summary>
internal static class PortalThemeCss
{
    public static readonly string DarkFirstPaint = Build(PortalTheme.Theme.PaletteDark);

    private static string Build(Palette palette)
    {
        var css = new StringBuilder("@media (prefers-color-scheme: dark){html:root{color-scheme:dark;");
        foreach (var property in palette.GetType().GetProperties().Where(p => p.PropertyType == typeof(MudColor) && p.CanRead).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetValue(palette) is MudColor color)
            {
                css.Append("--mud-palette-").Append(Kebab(property.Name)).Append(':')
                    .Append(color.ToString(MudColorOutputFormats.RGBA)).Append(';');
            }
        }

        return css.Append("}html:root body{background-color:var(--mud-palette-background);color:var(--mud-palette-text-primary);}}").ToString();
    }

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
