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

    [Fact]
    public void Reads_the_served_sdk_version_from_the_npm_package()
    {
        var root = Path.Combine(Path.GetTempPath(), "zp-sdk-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "node_modules", "@zoom", "meetingsdk");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "package.json"), "{\"name\":\"@zoom/meetingsdk\",\"version\":\"6.2.0\"}");

            Assert.Equal("6.2.0", MeetingSdkRelease.ReadVersion(root, null));
            Assert.Null(MeetingSdkRelease.ReadVersion(Path.Combine(root, "nothing"), null));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
