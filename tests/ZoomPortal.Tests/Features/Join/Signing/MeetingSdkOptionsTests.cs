using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Join.Signing;

public sealed class MeetingSdkOptionsTests
{
    private const string TestOnlyLiveSecret = "test-only-live-secret-abcdefghijklmnopqrs";

    [Theory]
    [InlineData("00:30:00")]
    [InlineData("2.00:00:00")]
    public void Accepts_signature_lifetimes_at_Zoom_bounds(string lifetime)
    {
        var options = Resolve("Production", Live(("Zoom:MeetingSdk:SignatureLifetime", lifetime)));

        Assert.Equal(TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture), options.SignatureLifetime);
    }

    [Theory]
    [InlineData("00:29:59")]
    [InlineData("2.00:00:01")]
    public void Refuses_signature_lifetimes_outside_Zoom_bounds_naming_the_key(string lifetime)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Production", Live(("Zoom:MeetingSdk:SignatureLifetime", lifetime))));

        Assert.Contains("Zoom:MeetingSdk:SignatureLifetime must be between 00:30:00 and 2.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:10:01")]
    public void Refuses_iat_margins_outside_zero_to_ten_minutes_naming_the_key(string margin)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Production", Live(("Zoom:MeetingSdk:IatMargin", margin))));

        Assert.Contains("Zoom:MeetingSdk:IatMargin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_video_webrtc_mode_other_than_0_or_1_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Production", Live(("Zoom:MeetingSdk:VideoWebRtcMode", "2"))));

        Assert.Contains("Zoom:MeetingSdk:VideoWebRtcMode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_documented_defaults()
    {
        var options = Resolve("Production", Live());

        Assert.Equal(TimeSpan.FromHours(2), options.SignatureLifetime);
        Assert.Equal(TimeSpan.FromSeconds(30), options.IatMargin);
        Assert.False(options.IncludeLegacySdkKey);
        Assert.Null(options.VideoWebRtcMode);
    }

    [Theory]
    [InlineData("Production", "Live")]
    [InlineData("Production", null)]
    [InlineData("Development", "Live")]
    public void Requires_credentials_in_Live_mode_naming_both_keys(string environment, string? mode)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(environment, Settings(("Zoom:Mode", mode))));

        Assert.Contains("Zoom:MeetingSdk:ClientId is required when Zoom:Mode is Live", error.Message, StringComparison.Ordinal);
        Assert.Contains("Zoom:MeetingSdk:ClientSecret is required when Zoom:Mode is Live", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_mode_in_Development_with_a_Zoom_API_client_means_Live()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Development", Settings(
            ("Zoom:Api:AccountId", "acct"), ("Zoom:Api:ClientId", "api-client"), ("Zoom:Api:ClientSecret", "test-only-api-secret"))));

        Assert.Contains("Zoom:MeetingSdk:ClientId is required when Zoom:Mode is Live", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", "Sandbox")]
    [InlineData("Production", "sandbox")]
    public void Defaults_credentials_to_the_sandbox_ones_in_Sandbox_mode(string environment, string? mode)
    {
        var options = Resolve(environment, Settings(("Zoom:Mode", mode), ("Zoom:Sandbox:AllowOutsideDevelopment", "true")));

        Assert.Equal(SandboxSdkCredentials.ClientId, options.ClientId);
        Assert.Equal(SandboxSdkCredentials.ClientSecret, options.ClientSecret);
    }

    [Fact]
    public void Keeps_configured_credentials_in_Sandbox_mode()
    {
        var options = Resolve("Development", Settings(("Zoom:MeetingSdk:ClientId", "mine"), ("Zoom:MeetingSdk:ClientSecret", TestOnlyLiveSecret)));

        Assert.Equal("mine", options.ClientId);
        Assert.Equal(TestOnlyLiveSecret, options.ClientSecret);
    }

    [Fact]
    public void Refuses_the_sandbox_secret_in_Live_mode()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Production", Settings(
            ("Zoom:Mode", "Live"), ("Zoom:MeetingSdk:ClientId", "id"), ("Zoom:MeetingSdk:ClientSecret", SandboxSdkCredentials.ClientSecret))));

        Assert.Contains("Zoom:MeetingSdk:ClientSecret is the sandbox placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_secret_too_short_for_HS256_without_echoing_it()
    {
        const string testOnlyShortSecret = "test-only-short-secret-31-bytes";
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Production", Settings(
            ("Zoom:Mode", "Live"), ("Zoom:MeetingSdk:ClientId", "id"), ("Zoom:MeetingSdk:ClientSecret", testOnlyShortSecret))));

        Assert.Contains("Zoom:MeetingSdk:ClientSecret is shorter than 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(testOnlyShortSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_unknown_Zoom_mode_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve("Production", Settings(("Zoom:Mode", "Staging"))));

        Assert.Contains("Zoom:Mode", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Live(params (string Key, string? Value)[] extra) =>
        Settings([("Zoom:Mode", "Live"), ("Zoom:MeetingSdk:ClientId", "live-client-id"), ("Zoom:MeetingSdk:ClientSecret", TestOnlyLiveSecret), .. extra]);

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value);

    /// <summary>Registers the feature as the app does and reads the options, which runs every validator.</summary>
    private static MeetingSdkOptions Resolve(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        var live = settings.GetValueOrDefault("Zoom:Mode") is { } mode ? mode == "Live" : environment != "Development";
        if (live && !settings.Keys.Any(k => k.StartsWith("Zoom:Api:", StringComparison.Ordinal)))
        {
            // The Zoom client's own Live-mode settings, so only the signer's rules are under test here.
            settings = new Dictionary<string, string?>(settings)
            {
                ["Zoom:Api:AccountId"] = "test-account",
                ["Zoom:Api:ClientId"] = "test-api-client",
                ["Zoom:Api:ClientSecret"] = "test-only-api-secret",
            };
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        // The signer takes the effective Zoom mode from the Zoom options, as in the app.
        builder.AddZoom();
        builder.AddJoinSigning();
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<MeetingSdkOptions>>().Value;
    }
}
