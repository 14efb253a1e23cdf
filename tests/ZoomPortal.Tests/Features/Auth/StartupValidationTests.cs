using Microsoft.Extensions.Options;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Auth;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Production_without_an_oidc_authority_fails_and_names_the_key()
    {
        await using var app = new PortalAppFactory("Production");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains("Authentication:Oidc:Authority", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url", "Authentication:Oidc:Authority must be an absolute")]
    [InlineData("http://idp.example", "Authentication:Oidc:RequireHttpsMetadata")]
    public async Task A_bad_authority_fails_and_names_the_key(string authority, string expected)
    {
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = authority,
            ["Authentication:Oidc:ClientId"] = "portal",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authority_without_a_client_id_fails_and_names_the_key()
    {
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://idp.example",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains("Authentication:Oidc:ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_fails_and_names_the_key()
    {
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains("ConnectionStrings:Portal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_lifetime_out_of_range_fails_and_names_the_key()
    {
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Authentication:Session:IdleTimeout"] = "00:00:05",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains("Authentication:Session:IdleTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_an_authority_starts()
    {
        await using var app = new PortalAppFactory("Production", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://idp.example",
            ["Authentication:Oidc:ClientId"] = "portal",
            ["Database:MigrateAtStartup"] = "true",
        });

        using var client = app.CreateHttpsClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
    }
}
