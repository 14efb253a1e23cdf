using System.Security.Claims;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth;

namespace ZoomPortal.Tests.Features.Auth;

public sealed class ZoomHostMappingTests
{
    private const string HostEmail = "priya.host@example.com";

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    public void A_host_e_mail_counts_only_when_verified_by_the_claim_or_the_provider_setting(bool emailVerified, bool providerVerifies, bool expected)
    {
        var mapping = Mapping(providerVerifies);
        var user = PortalPrincipalFactory.Create("u1", "Priya", " Priya.HOST@example.com ", [PortalRoles.Attendee, PortalRoles.Host], [], PortalPrincipalFactory.OidcMethod, emailVerified);

        Assert.Equal(expected, mapping.IsHostOf(HostEmail, user));
    }

    [Fact]
    public void An_attendee_is_no_host_even_with_a_verified_matching_e_mail()
    {
        var user = PortalPrincipalFactory.Create("u1", "Mallory", HostEmail, [PortalRoles.Attendee], [], PortalPrincipalFactory.OidcMethod, emailVerified: true);

        Assert.False(Mapping(providerVerifies: true).IsHostOf(HostEmail, user));
        Assert.Null(Mapping(providerVerifies: true).ZoomEmailOf(user));
    }

    [Fact]
    public void An_explicit_mapping_wins_over_the_e_mail_claim()
    {
        var options = new HostMappingOptions();
        options.Explicit["u1"] = HostEmail;
        var mapping = new ZoomHostMapping(new OptionsMonitorStub(options));
        var user = PortalPrincipalFactory.Create("u1", "Priya", "someone.else@example.com", [PortalRoles.Attendee, PortalRoles.Host], [], PortalPrincipalFactory.OidcMethod);

        Assert.True(mapping.IsHostOf("PRIYA.host@example.com", user));
        Assert.False(mapping.IsHostOf("someone.else@example.com", user));
    }

    [Fact]
    public void An_unauthenticated_principal_is_no_host()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaimTypes.Email, HostEmail), new Claim(PortalClaimTypes.Role, PortalRoles.Host)]));

        Assert.False(Mapping(providerVerifies: true).IsHostOf(HostEmail, anonymous));
    }

    private static ZoomHostMapping Mapping(bool providerVerifies) =>
        new(new OptionsMonitorStub(new HostMappingOptions { ProviderVerifiesEmails = providerVerifies }));

    private sealed class OptionsMonitorStub(HostMappingOptions value) : IOptionsMonitor<HostMappingOptions>
    {
        public HostMappingOptions CurrentValue => value;

        public HostMappingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HostMappingOptions, string?> listener) => null;
    }
}
