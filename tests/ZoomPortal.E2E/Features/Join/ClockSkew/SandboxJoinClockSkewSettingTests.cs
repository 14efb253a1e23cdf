using System.Globalization;
using ZoomPortal.Zoom;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>Zoom:Sandbox:JoinClockSkew, the setting the rejection scenario needs, is checked at start-up like ClockSkew.</summary>
public sealed class SandboxJoinClockSkewSettingTests
{
    private static readonly Microsoft.Extensions.Hosting.Internal.HostingEnvironment Development = new() { EnvironmentName = "Development" };

    [Theory]
    [InlineData("1.00:00:01")]
    [InlineData("-1.00:00:01")]
    public void A_join_clock_skew_beyond_a_day_is_refused_naming_the_key(string value)
    {
        var options = new ZoomOptions { Mode = ZoomMode.Sandbox };
        options.Sandbox.JoinClockSkew = TimeSpan.Parse(value, CultureInfo.InvariantCulture);

        var result = new ZoomOptionsValidator(Development).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Zoom:Sandbox:JoinClockSkew must be between -1.00:00:00 and 1.00:00:00.", result.Failures ?? []);
    }

    [Fact]
    public void Half_an_hour_behind_is_accepted()
    {
        var options = new ZoomOptions { Mode = ZoomMode.Sandbox };
        options.Sandbox.JoinClockSkew = TimeSpan.FromMinutes(-30);

        Assert.True(new ZoomOptionsValidator(Development).Validate(null, options).Succeeded);
    }
}
