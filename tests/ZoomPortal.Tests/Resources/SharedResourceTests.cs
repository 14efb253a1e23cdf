using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bunit;
using ZoomPortal.Components.Pages;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Localisation;
using ZoomPortal.Tests.Features.Admin;
using ZoomPortal.Tests.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Resources;

/// <summary>English and German stay complete, and pages render in the user's culture.</summary>
public sealed partial class SharedResourceTests
{
    private static readonly string ResourceFolder = Path.Combine(RepositoryRoot(), "src", "Resources");

    [Fact]
    public void Every_key_exists_in_english_and_german_with_a_text()
    {
        var english = Entries("SharedResource.resx");
        var german = Entries("SharedResource.de.resx");

        Assert.Empty(english.Keys.Except(german.Keys).Select(k => $"missing in German: {k}"));
        Assert.Empty(german.Keys.Except(english.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(english.Concat(german).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"empty: {e.Key}"));
        // A format string takes the same placeholders in both languages.
        Assert.Empty(english.Where(e => Placeholders(e.Value) != Placeholders(german[e.Key])).Select(e => $"placeholders differ: {e.Key}"));
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists()
    {
        var english = Entries("SharedResource.resx");
        var src = Path.Combine(RepositoryRoot(), "src");
        var asked = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(asked);
        Assert.Empty(asked.Where(a => !english.ContainsKey(a.Key)).Select(a => $"{a.File}: {a.Key}"));
    }

    [Fact]
    public async Task Pages_render_in_german_with_german_dates_and_numbers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var ctx = new PortalBunitContext(services => AdminPageServices.Add(services, database, TimeSpan.FromMinutes(-7)));
        ctx.Authorization.SetAuthorized("Ada").SetRoles(PortalRoles.Admin);
        using var german = new CultureScope("de-DE");

        var home = ctx.Render<HomePage>();
        Assert.Contains("Willkommen zurück, Ada.", home.Markup, StringComparison.Ordinal);
        Assert.Contains("Zu meinen Meetings", home.Markup, StringComparison.Ordinal);

        var health = ctx.Render<AdminHealthPage>();
        Assert.Contains("Zustand der Zoom-Anbindung", health.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Noch nicht gemessen.", health.Find("[data-testid=clock-current]").TextContent, StringComparison.Ordinal);
        health.FindAll("button").Single(b => b.TextContent.Contains("Jetzt messen", StringComparison.Ordinal)).Click();
        health.WaitForAssertion(() => Assert.Contains("gegenüber Zooms Uhr", health.Find("[data-testid=admin-health-banner]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Never", health.Markup, StringComparison.Ordinal);

        var history = ctx.Render<ClockHistory>(p => p
            .Add(c => c.History, [new ZoomClockEstimate(TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(45), new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.Zero), 3)])
            .Add(c => c.Now, new DateTimeOffset(2026, 11, 30, 9, 10, 0, TimeSpan.Zero)));
        var cells = history.FindAll("[data-testid=clock-history] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal("30.11.2026 09:05:00", cells[0]);
        Assert.Equal("1,500", cells[1]);
        Assert.Equal("Abweichung (s)", history.Find("[data-testid=clock-chart-y-title]").TextContent);
    }

    [Fact]
    public async Task Roster_sign_ins_visibility_and_service_messages_are_german_with_german_numbers()
    {
        using var german = new CultureScope("de-DE");
        await using var ctx = new PortalBunitContext();
        var since = new DateTime(2026, 12, 1, 14, 5, 9, DateTimeKind.Utc);
        var roster = ctx.Render<ZoomPortal.Features.Attendance.AttendeeTable>(p => p
            .Add(c => c.Attendees, [new("k", null, null, "Nia", ZoomPortal.Features.Attendance.Records.AttendeeState.In, since, [new(since, null)])])
            .Add(c => c.Now, since.AddMinutes(1.5)));
        Assert.Equal(["Name", "Status", "Seit (UTC)", "Minuten"], roster.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["Im Meeting", "14:05:09", "1,5"], roster.FindAll("tbody td").Select(td => td.TextContent.Trim()));

        Assert.Equal("01.12.2026 14:05 UTC", ZoomPortal.Features.Auth.Sessions.SessionTimes.Utc(since));
        Assert.Equal("Entwicklungs-Anmeldung", ZoomPortal.Features.Auth.Sessions.SessionTimes.Method(PortalPrincipalFactory.DevelopmentMethod));
        var form = new ZoomPortal.Features.Meetings.VisibilityForm { Visibility = ZoomPortal.Features.Meetings.MeetingVisibility.Groups, GroupsText = " , " };
        Assert.Equal(["Nennen Sie mindestens eine Gruppe, oder geben Sie das Meeting für alle angemeldeten Personen frei."], form.Validate(out _));
        Assert.Equal("Unbekannte Moderation", (MeetingData.Summary(1, "Ohne Host", null) with { HostName = null, HostEmail = null }).HostLabel);
    }

    [Theory]
    [InlineData("de-DE", "de-DE")]
    [InlineData("de", "de-DE")]
    [InlineData("en", "en-US")]
    [InlineData("en-GB", "en-US")]
    public void The_meeting_sdk_speaks_the_matching_zoom_language(string culture, string zoomLanguage) =>
        Assert.Equal(zoomLanguage, PortalCultures.ZoomLanguage(CultureInfo.GetCultureInfo(culture)));

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ZoomPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ZoomPortal.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("""\b[Ll]\["([A-Za-z]+\.[A-Za-z.]+)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
