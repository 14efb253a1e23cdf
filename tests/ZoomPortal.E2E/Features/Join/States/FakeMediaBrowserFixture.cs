using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.States;

/// <summary>Chromium with its fake camera (a test pattern) and microphone (a beep), permission prompts accepted.</summary>
public sealed class FakeMediaBrowserFixture : BrowserFixture
{
    protected override IReadOnlyList<string> ExtraArguments { get; } =
        ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"];
}
