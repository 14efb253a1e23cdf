using Microsoft.Playwright;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Components;

/// <summary>
/// The first paint follows the OS's colour scheme: checked on a screenshot taken with Blazor's script blocked, so
/// nothing interactive has run (MudBlazor alone would switch to dark only after hydration, and never on static pages).
/// </summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class DarkModeTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Theory]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/authentication/dev-signin", ColorScheme.Dark)]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/authentication/dev-signin", ColorScheme.Light)]
    public Task The_first_paint_is_in_the_OS_colour_scheme_before_Blazor_starts(string path, ColorScheme scheme) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
            await page.GotoAsync(path);

            var png = await page.ScreenshotAsync();
            var (red, green, blue) = await PixelAsync(page, png);

            var luminance = (0.2126 * red) + (0.7152 * green) + (0.0722 * blue);
            if (scheme == ColorScheme.Dark)
            {
                Assert.True(luminance < 60, $"{path} painted rgb({red},{green},{blue}) in dark mode before hydration");
            }
            else
            {
                Assert.True(luminance > 200, $"{path} painted rgb({red},{green},{blue}) in light mode");
            }
        }, new BrowserNewContextOptions { ColorScheme = scheme, BypassCSP = true });

    // The screenshot decoded by the browser itself: the page's bottom-left corner, which is the page background.
    private static async Task<(int Red, int Green, int Blue)> PixelAsync(IPage page, byte[] png)
    {
        var rgb = await page.EvaluateAsync<int[]>(
            """
            async (b64) => {
                const image = new Image();
                image.src = 'data:image/png;base64,' + b64;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const d = context.getImageData(4, image.height - 4, 1, 1).data;
                return [d[0], d[1], d[2]];
            }
            """, Convert.ToBase64String(png));
        return (rgb[0], rgb[1], rgb[2]);
    }
}
