using ZoomPortal.Features.Auth;

namespace ZoomPortal.Tests.Features.Auth;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/meetings", "/meetings")]
    [InlineData("/meetings/123?x=1#y", "/meetings/123?x=1#y")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("meetings", "/")]
    [InlineData("/meet\r\nings", "/")]
    public void Only_local_paths_survive(string? input, string expected) =>
        Assert.Equal(expected, ReturnUrl.Sanitize(input));
}
