using System.Net;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Components;

[Collection(OidcPortalTests.Name)]
public sealed class StaticAssetsTests(OidcPortalFixture portal)
{
    [Fact]
    public async Task Serves_MudBlazor_css_outside_development()
    {
        using var client = portal.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }
}
