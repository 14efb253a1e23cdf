using System.Net;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class AdminAccessTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private readonly PortalAppFactory _app = portal.App;

    public static TheoryData<string> Pages => ["/admin", "/admin/join-errors", "/admin/join-errors/trends", "/admin/health"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Attendees_get_the_access_denied_page_instead_of_an_admin_page(string path)
    {
        using var client = _app.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Ann Attendee", "Attendee");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/access-denied", response.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Admins_get_the_admin_pages(string path)
    {
        using var client = _app.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Ada Admin", "Admin");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("You can&#x27;t open this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_refuses_attendees()
    {
        using var client = _app.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Ann Attendee", "Attendee");

        using var response = await client.GetAsync(new Uri("/admin/join-errors/export.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_streams_the_filtered_set_with_pseudonymised_user_ids_for_admins()
    {
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.JoinAttempts.AddRange(AttemptData.Failed(3004, userId: "dev-ann"), AttemptData.Failed(3008, userId: "dev-ann"), AttemptData.Failed(4011, userId: "dev-bob"));
            await db.SaveChangesAsync();
        }

        using var client = _app.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Ada Admin", "Admin");

        using var response = await client.GetAsync(new Uri("/admin/join-errors/export.csv?category=Passcode", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",3004,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("dev-ann", csv, StringComparison.Ordinal);
        Assert.Matches(",u-[0-9a-f]{24},", lines[1]);
    }
}
