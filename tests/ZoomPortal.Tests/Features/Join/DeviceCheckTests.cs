using Bunit;
using ZoomPortal.Features.Join;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>The device check: preview and level through its own module, advice in words, the choice handed on, tracks stopped on dispose.</summary>
public sealed class DeviceCheckTests : PortalBunitContext
{
    private static readonly MediaDevice[] Devices =
    [
        new(MediaDevice.VideoInput, "cam-1", "Integrated Camera"),
        new(MediaDevice.VideoInput, "cam-2", "USB Camera"),
        new(MediaDevice.AudioInput, "mic-1", "Headset Microphone"),
    ];

    [Fact]
    public async Task Checking_shows_the_devices_says_what_works_and_hands_on_the_choice()
    {
        var (handle, checks) = Setup(new DeviceCheckResult("ok", "ok", "cam-1", "mic-1", Devices));
        handle.Setup<DeviceCheckResult?>("start", i => (string?)i.Arguments[0] == "cam-2")
            .SetResult(new DeviceCheckResult("ok", "ok", "cam-2", "mic-1", Devices));
        var check = Render<DeviceCheck>(p => p.Add(x => x.OnChecked, r => checks.Add(r)));

        var start = check.WaitForElement("button");
        Assert.Equal("Check camera and microphone", start.TextContent.Trim());
        await start.ClickAsync();

        check.WaitForAssertion(() => Assert.Equal(2, check.FindAll("#device-camera option").Count));
        Assert.Equal("Camera", check.Find("label[for=device-camera]").TextContent);
        Assert.Equal("Microphone", check.Find("label[for=device-microphone]").TextContent);
        Assert.Equal("Microphone level", check.Find("label[for=device-level]").TextContent);
        var status = check.Find("[data-testid=device-status]");
        Assert.Equal(("status", "polite"), (status.GetAttribute("role"), status.GetAttribute("aria-live")));
        Assert.Contains("Your camera works", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("say something", status.TextContent, StringComparison.Ordinal);
        Assert.Equal("camera ok: Integrated Camera; microphone ok: Headset Microphone", Assert.Single(checks).Summary());

        await check.InvokeAsync(() => check.Instance.HeardSound());
        Assert.Contains("Your microphone works: it picks up sound.", check.Find("[data-testid=device-status]").TextContent, StringComparison.Ordinal);

        await check.Find("#device-camera").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "cam-2" });
        check.WaitForAssertion(() => Assert.Equal(2, checks.Count));
        Assert.Equal("camera ok: USB Camera; microphone ok: Headset Microphone", checks[1].Summary());
        Assert.Contains("switch in Zoom's video or audio menu", check.Find("[data-testid=device-status]").TextContent, StringComparison.Ordinal);

        await DisposeComponentsAsync();
        handle.VerifyInvoke("dispose");
    }

    [Fact]
    public async Task Blocked_and_missing_devices_get_plain_advice_and_hostile_input_is_bounded()
    {
        var hostile = new DeviceCheckResult("<script>", "none", new string('x', 5000), null,
            [.. Enumerable.Range(0, 100).Select(i => new MediaDevice(MediaDevice.VideoInput, $"id-{i}", new string('L', 1000))), new MediaDevice("audiooutput", "spk", "Speakers")]);
        var (_, checks) = Setup(new DeviceCheckResult("blocked", "none", null, null, []));
        var check = Render<DeviceCheck>(p => p.Add(x => x.OnChecked, r => checks.Add(r)));
        await check.WaitForElement("button").ClickAsync();

        var status = check.WaitForElement("[data-testid=device-status]");
        check.WaitForAssertion(() => Assert.Contains("blocks this site from using the camera", check.Find("[data-testid=device-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("No microphone was found", check.Find("[data-testid=device-status]").TextContent, StringComparison.Ordinal);
        Assert.True(check.Find("#device-camera").HasAttribute("disabled"));

        var bounded = hostile.Checked();
        Assert.Equal(("error", "none"), (bounded.Camera, bounded.Microphone));
        Assert.Equal(DeviceCheckResult.MaxDevices, bounded.Devices!.Count);
        Assert.All(bounded.Devices, d => Assert.True(d.Label.Length <= 128 && d.Kind == MediaDevice.VideoInput));
        Assert.Equal(256, bounded.CameraId!.Length);
        Assert.True(bounded.Summary().Length <= DeviceCheckResult.MaxSummaryLength);
    }

    private (BunitJSModuleInterop Handle, List<DeviceCheckResult> Checks) Setup(DeviceCheckResult first)
    {
        var module = JSInterop.SetupModule(DeviceCheck.ModulePath);
        var handle = module.SetupModule("create", _ => true);
        handle.Setup<DeviceCheckResult?>("start", i => i.Arguments[0] is null).SetResult(first);
        handle.SetupVoid("dispose").SetVoidResult();
        return (handle, []);
    }
}
