using System.Net;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Join.Sdk;

public sealed class ZoomSdkAssetsTests
{
    private const string Version = "6.2.0";

    [Theory]
    [InlineData("/zoom-sdk/6.2.0/lib/av/audio.simd.wasm", "application/wasm")]
    [InlineData("/zoom-sdk/6.2.0/zoom-meeting-embedded-ES5.min.js", "text/javascript")]
    [InlineData("/zoom-sdk/6.2.0/lib/vendor/react.min.js", "text/javascript")]
    [InlineData("/zoom-sdk/6.2.0/lib/lang/en-US.json", "application/json")]
    public async Task Serves_the_real_sdk_files_with_their_type_and_a_long_cache(string path, string mediaType)
    {
        await using var factory = new PortalAppFactory();
        using var client = factory.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/zoom-sdk/6.2.0/%2e%2e/package.json")]
    [InlineData("/zoom-sdk/6.2.0/..%2fpackage.json")]
    [InlineData("/zoom-sdk/6.2.0/lib/../../package.json")]
    [InlineData("/zoom-sdk/package.json")]
    [InlineData("/zoom-sdk/6.1.0/zoom-meeting-embedded-ES5.min.js")]
    public async Task Answers_404_for_paths_outside_the_sdk_folder(string path)
    {
        await using var factory = new PortalAppFactory();
        using var client = factory.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://localhost" + path, UriKind.Absolute));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Serves_the_loader_to_be_revalidated()
    {
        await using var factory = new PortalAppFactory();
        using var client = factory.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri(ZoomSdkAssets.LoaderUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("export function loadComponentView", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_mode_gives_the_loader_the_stand_in_by_default()
    {
        await using var factory = new PortalAppFactory();

        var config = factory.Services.GetRequiredService<ZoomSdkAssets>().ClientConfig;

        Assert.Equal(new ZoomSdkClientConfig(true, "/zoom-sdk/6.2.0", "/zoom-sandbox/web/join"), config);
        Assert.Equal(Version, factory.Services.GetRequiredService<IOptions<ZoomSdkOptions>>().Value.Version);
    }

    [Fact]
    public async Task Sandbox_mode_with_UseStandIn_false_gives_the_real_sdk()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Zoom:Sdk:UseStandIn"] = "false" });

        var config = factory.Services.GetRequiredService<ZoomSdkAssets>().ClientConfig;

        Assert.Equal(new ZoomSdkClientConfig(false, "/zoom-sdk/6.2.0", null), config);
    }

    [Fact]
    public async Task Zoom_cdn_points_the_loader_at_source_zoom_us()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Zoom:Sdk:UseStandIn"] = "false",
            ["Zoom:Sdk:AssetSource"] = "ZoomCdn",
        });

        Assert.Equal("https://source.zoom.us/6.2.0", factory.Services.GetRequiredService<ZoomSdkAssets>().AssetBase);
    }

    [Theory]
    [InlineData("Zoom:Sdk:Version", "6.1.0", "Zoom:Sdk:Version is 6.1.0 but the portal ships @zoom/meetingsdk 6.2.0")]
    [InlineData("Zoom:Sdk:UseStandIn", "true", "Zoom:Sdk:UseStandIn can be true only when Zoom:Mode is Sandbox")]
    public async Task Invalid_sdk_settings_stop_start_up_naming_the_key(string key, string value, string expected)
    {
        var settings = LiveSettings();
        settings[key] = value;
        await using var factory = new PortalAppFactory(settings: settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_mode_LeaveOut_names_the_SDK_options_the_join_module_leaves_out()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Zoom:Sdk:UseStandIn"] = "false",
            ["Zoom:Sdk:LeaveOut:0"] = "disablePreview",
            ["Zoom:Sdk:LeaveOut:1"] = "onRetryCallback",
        });

        var config = factory.Services.GetRequiredService<ZoomSdkAssets>().ClientConfig;

        Assert.Equal("disablePreview,onRetryCallback", string.Join(',', config.LeaveOut ?? []));
        Assert.Contains("\"leaveOut\":[\"disablePreview\",\"onRetryCallback\"]", System.Text.Json.JsonSerializer.Serialize(config), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaveOut_names_only_the_options_the_module_knows()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Zoom:Sdk:LeaveOut:0"] = "leaveUrl" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Zoom:Sdk:LeaveOut:0 is 'leaveUrl'; it may name only isShowJoiningErrorDialog, disablePreview, onRetryCallback.", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaveOut_stops_start_up_outside_Sandbox_mode()
    {
        var settings = LiveSettings();
        settings["Zoom:Sdk:LeaveOut:0"] = "disablePreview";
        await using var factory = new PortalAppFactory(settings: settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Zoom:Sdk:LeaveOut is a diagnostics switch for the real-SDK tests and is allowed only when Zoom:Mode is Sandbox", Messages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/zoom-sandbox/sdk/zoomMtgEmbedded.js")]
    [InlineData("/zoom-sandbox/sdk/zoomMtg.js")]
    public async Task Live_mode_has_no_stand_in(string path)
    {
        await using var factory = new PortalAppFactory(settings: LiveSettings());
        using var client = factory.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var join = await client.PostAsync(new Uri("/zoom-sandbox/web/join", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // No endpoint: only the pages' GET fallback matches, so a POST is 405 rather than 404.
        Assert.Contains(join.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(new ZoomSdkClientConfig(false, "/zoom-sdk/6.2.0", null), factory.Services.GetRequiredService<ZoomSdkAssets>().ClientConfig);
    }

    private static Dictionary<string, string?> LiveSettings() => new()
    {
        ["Zoom:Mode"] = "Live",
        ["Zoom:Api:BaseUrl"] = "https://api.zoom.invalid/v2/",
        ["Zoom:Api:OAuthUrl"] = "https://zoom.invalid/",
        ["Zoom:Api:AccountId"] = "live-account",
        ["Zoom:Api:ClientId"] = "live-client",
        ["Zoom:Api:ClientSecret"] = "live-client-secret",
        ["Zoom:MeetingSdk:ClientId"] = "live-sdk-key",
        ["Zoom:MeetingSdk:ClientSecret"] = "live-sdk-secret-0123456789abcdef0123456789",
    };

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Messages));
            }
        }

        return string.Join(" | ", messages);
    }
}
