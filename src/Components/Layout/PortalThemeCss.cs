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
                css.Append("--mud-palette-").Append(VariableName(property.Name)).Append(':')
                    .Append(color.ToString(MudColorOutputFormats.RGBA)).Append(';');
            }
        }

        // The shades MudBlazor derives as strings (hover and active fills of buttons), so static pages get them too.
        foreach (var property in palette.GetType().GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanRead && (p.Name.EndsWith("Darken", StringComparison.Ordinal) || p.Name.EndsWith("Lighten", StringComparison.Ordinal)))
            .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetValue(palette) is string { Length: > 0 } value)
            {
                css.Append("--mud-palette-").Append(Kebab(property.Name)).Append(':').Append(value).Append(';');
            }
        }

        return css.Append("}html:root body{background-color:var(--mud-palette-background);color:var(--mud-palette-text-primary);}}").ToString();
    }

    // MudBlazor names the variable of PrimaryContrastText "--mud-palette-primary-text" (the text on a primary fill).
    private static string VariableName(string property) =>
        property.EndsWith("ContrastText", StringComparison.Ordinal) ? Kebab(property[..^"ContrastText".Length]) + "-text" : Kebab(property);

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
