using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ZoomPortal.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with its stylesheet shared by every circuit. MudThemeProvider builds the theme's CSS
/// variables as a new ~32,000-character string on each render, and a circuit's current and previous render trees each
/// keep theirs: about 128 KB per open interactive page, the largest single item of the join page's circuit
/// (dotnet-gcdump at N=100 with the load harness, issue 12; docs/performance.md). Here the text MudBlazor builds is
/// swapped for one canonical instance per distinct text (light and dark), so the render trees of all circuits point
/// at the same two strings. Renders exactly what MudThemeProvider 9.12 renders (<c>PortalThemeProviderTests</c>).
/// </summary>
public sealed class PortalThemeProvider : MudThemeProvider
{
    // MudThemeProvider's own markup block between the scrollbar styles and the theme, verbatim.
    internal const string ChartCss = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    // Light and dark, with and without the scrollbar styles; a bound so that a theme changed at run time can't grow it.
    private const int MaxShared = 16;
    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);

    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        ArgumentNullException.ThrowIfNull(__builder);
        if (!DefaultScrollbar)
        {
            __builder.AddContent(0, (MarkupString)Canonical(BuildMudBlazorScrollbar()));
        }

        __builder.AddMarkupContent(1, ChartCss);
        __builder.AddContent(2, (MarkupString)Canonical(BuildTheme()));
    }

    /// <summary>The shared instance of <paramref name="text"/> (the one first seen), so equal stylesheets are held once.</summary>
    internal static string Canonical(string text) =>
        Shared.TryGetValue(text, out var shared) ? shared : Shared.Count < MaxShared ? Shared.GetOrAdd(text, text) : text;
}
