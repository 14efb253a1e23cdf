using System.Net;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_and_readyz_answer_anonymously_with_only_the_status()
    {
        await using var app = new PortalAppFactory();
        using var client = app.CreateHttpsClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_fails_without_details_when_the_database_is_unreachable()
    {
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            // Port 1 on loopback: nothing listens there, so the connection is refused at once.
            ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=s3cret-value;Timeout=2",
            ["Database:MigrateAtStartup"] = "false",
        });
        using var client = app.CreateHttpsClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body);
    }
}
