namespace ZoomPortal.E2E.Features.Join.Mobile;

/// <summary>A phone as Playwright's "Pixel 7" device descriptor describes it (the fixture has no IPlaywright to look it up).</summary>
internal static class MobileBrowser
{
    public const string Pixel7UserAgent =
        "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    /// <summary>A new set each time: the browser fixture fills in the base URL, locale and time zone.</summary>
    public static BrowserNewContextOptions Pixel7() => new()
    {
        UserAgent = Pixel7UserAgent,
        ViewportSize = new ViewportSize { Width = 412, Height = 839 },
        ScreenSize = new ScreenSize { Width = 412, Height = 915 },
        DeviceScaleFactor = 2.625f,
        IsMobile = true,
        HasTouch = true,
    };
}
