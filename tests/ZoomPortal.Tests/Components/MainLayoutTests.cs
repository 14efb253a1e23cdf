using Bunit;
using Microsoft.AspNetCore.Components;
using ZoomPortal.Components.Layout;
using ZoomPortal.Features.Auth;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Components;

public sealed class MainLayoutTests : PortalBunitContext
{
    public MainLayoutTests()
    {
        Authorization.SetAuthorized("Ada Attendee").SetRoles(PortalRoles.Attendee);
    }

    [Fact]
    public void Renders_banner_navigation_and_main_landmarks()
    {
        var layout = RenderLayout();

        Assert.Single(layout.FindAll("header"));
        Assert.NotEmpty(layout.FindAll("nav"));
        var main = layout.Find("main");
        Assert.Equal("main-content", main.Id);
        Assert.Contains("page body", main.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_link_is_first_and_targets_main()
    {
        var layout = RenderLayout();

        var firstLink = layout.FindAll("a")[0];
        Assert.Equal("#main-content", firstLink.GetAttribute("href"));
        Assert.Equal("Skip to main content", firstLink.TextContent.Trim());
    }

    [Fact]
    public void Shows_the_signed_in_users_name_and_a_sign_out_form()
    {
        var layout = RenderLayout();

        Assert.Equal("Ada Attendee", layout.Find("[data-testid=user-name]").TextContent.Trim());
        var form = layout.Find("form[action='authentication/logout']");
        Assert.Equal("post", form.GetAttribute("method"));
    }

    [Fact]
    public void A_failing_page_shows_a_friendly_message_with_a_reference()
    {
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b =>
        {
            b.OpenComponent<Throwing>(0);
            b.CloseComponent();
        })));

        var alert = layout.Find("[role=alert]");
        Assert.Contains("Something went wrong on this page", alert.TextContent, StringComparison.Ordinal);
        Assert.Matches("reference: [0-9a-f]{10}", alert.TextContent);
        Assert.DoesNotContain("boom", layout.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    private sealed class Throwing : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("boom");
    }
}
