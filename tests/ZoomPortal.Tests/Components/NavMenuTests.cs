using Bunit;
using ZoomPortal.Components.Layout;
using ZoomPortal.Features.Auth;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Components;

public sealed class NavMenuTests : PortalBunitContext
{
    [Theory]
    [InlineData(new[] { PortalRoles.Attendee }, new[] { "Meetings" })]
    [InlineData(new[] { PortalRoles.Attendee, PortalRoles.Host }, new[] { "Meetings", "Host" })]
    [InlineData(new[] { PortalRoles.Attendee, PortalRoles.Admin }, new[] { "Meetings", "Admin" })]
    [InlineData(new[] { PortalRoles.Attendee, PortalRoles.Host, PortalRoles.Admin }, new[] { "Meetings", "Host", "Admin" })]
    public void Shows_exactly_the_items_of_the_users_roles(string[] roles, string[] expected)
    {
        Authorization.SetAuthorized("Ada").SetRoles(roles);

        var menu = Render<NavMenu>();

        Assert.Equal(expected, LinkTexts(menu));
    }

    [Fact]
    public void Anonymous_users_see_only_home()
    {
        Authorization.SetNotAuthorized();

        var menu = Render<NavMenu>();

        Assert.Equal(["Home"], LinkTexts(menu));
    }

    [Fact]
    public void Links_point_at_their_pages()
    {
        Authorization.SetAuthorized("Ada").SetRoles(PortalRoles.Attendee, PortalRoles.Host, PortalRoles.Admin);

        var menu = Render<NavMenu>();

        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href") ?? string.Empty).ToArray();
        Assert.Equal(["/meetings", "/host", "/admin"], hrefs);
    }

    private static string[] LinkTexts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();
}
