using ZoomPortal.Features.Admin;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class MeetingSdkReleaseTests
{
    [Theory]
    [InlineData("2026-11-29", "2027-02-06")]
    [InlineData("2026-11-01", "2026-11-07")]
    [InlineData("2026-11-08", "2026-11-07")]
    [InlineData("2026-11-09", "2027-02-06")]
    [InlineData("2027-03-15", "2027-05-01")]
    public void The_next_enforcement_is_the_first_saturday_of_feb_may_aug_or_nov(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            MeetingSdkRelease.NextEnforcement(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
