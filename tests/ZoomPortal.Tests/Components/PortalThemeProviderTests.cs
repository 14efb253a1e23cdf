using Bunit;
using MudBlazor;
using ZoomPortal.Components.Layout;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Components;

/// <summary>The layout's theme provider renders what MudBlazor's renders, with one shared stylesheet per palette.</summary>
public sealed class PortalThemeProviderTests : PortalBunitContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Renders_exactly_what_MudThemeProvider_renders(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, dark));
        var portal = Render<PortalThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary:", mud.Markup, StringComparison.Ordinal);
        Assert.Equal(mud.Markup, portal.Markup);
    }

    [Fact]
    public void Switching_to_dark_renders_the_dark_palette()
    {
        var portal = Render<PortalThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, false));
        var light = portal.Markup;

        portal.Render(p => p.Add(x => x.IsDarkMode, true));

        Assert.NotEqual(light, portal.Markup);
        Assert.Equal(Render<MudThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, true)).Markup, portal.Markup);
    }

    [Fact]
    public void Equal_stylesheets_are_one_shared_instance()
    {
        var first = new string("--mud-palette-primary: #0b5cff;".AsSpan());
        var second = new string("--mud-palette-primary: #0b5cff;".AsSpan());

        Assert.NotSame(first, second);
        Assert.Same(PortalThemeProvider.Canonical(first), PortalThemeProvider.Canonical(second));
    }

    [Fact]
    public void Another_theme_is_built_for_itself_not_taken_from_the_shared_stylesheet()
    {
        var other = new MudTheme { PaletteLight = new PaletteLight { Primary = "#123456" } };
        var mud = Render<MudThemeProvider>(p => p.Add(x => x.Theme, other));
        var portal = Render<PortalThemeProvider>(p => p.Add(x => x.Theme, other));

        Assert.Equal(mud.Markup, portal.Markup);
        Assert.NotEqual(Render<PortalThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme)).Markup, portal.Markup);
    }
}
