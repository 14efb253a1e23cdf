using System.ComponentModel.DataAnnotations;
using Bunit;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Tests.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>The join page's states, its form's messages and the error catalog in German, with German dates.</summary>
public sealed class GermanJoinStatesTests
{
    [Fact]
    public async Task An_ended_meeting_and_one_not_yet_open_say_so_in_german_with_german_dates()
    {
        await using var harness = await JoinHarness.CreateAsync();
        const long laterMeetingId = JoinHarness.MeetingId + 7;
        // The harness meeting ran 09:00-10:00 UTC on Monday 4 May 2026; this one starts at 09:30 (joining opens 09:20).
        await harness.Database.SeedAsync(MeetingData.Entity(laterMeetingId, "Design review", new DateTime(2026, 5, 4, 9, 30, 0, DateTimeKind.Utc)));
        await using var ctx = harness.PageContext(new JoinOptions());
        harness.SetupModule(ctx);
        using var german = new CultureScope("de-DE");

        var early = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, laterMeetingId));
        early.WaitForAssertion(() => Assert.Contains(
            "Die Teilnahme ist in 20 Min. möglich, ab Mo, 4. Mai 2026, 09:20 (UTC).", early.Find("[data-testid=join-window]").TextContent, StringComparison.Ordinal));
        Assert.Equal("An „Design review“ teilnehmen", early.Find("h1").TextContent);
        early.WaitForAssertion(() => Assert.Equal("Am Meeting teilnehmen", early.Find("button[type=submit]").TextContent.Trim()));
        Assert.True(early.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.Contains(early.FindAll("label"), l => l.TextContent.Contains("Ihr Name im Meeting", StringComparison.Ordinal));
        Assert.Equal("Kamera und Mikrofon", early.Find("#device-check-heading").TextContent);

        harness.Time.Advance(TimeSpan.FromHours(25));
        var ended = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));
        Assert.Contains("Dieses Meeting ist beendet: Es endete vor 1 Tag, am Mo, 4. Mai 2026, 10:00 (UTC).",
            ended.Find("[data-testid=join-ended]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Zurück zum Meeting", "Alle Meetings"], ended.FindAll("a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Waiting_for_the_host_and_a_retry_count_down_in_german_with_abbrechen()
    {
        using var ctx = new PortalBunitContext();
        using var german = new CultureScope("de-DE");

        var progress = ctx.Render<JoinProgress>(p => p
            .Add(x => x.Step, JoinStep.WaitingForHost)
            .Add(x => x.Seconds, 30)
            .Add(x => x.Error, JoinErrorCatalog.Classify(3008, null))
            .Add(x => x.SupportCode, "ZP-ABC234")
            .Add(x => x.OnCancel, () => { }));
        var status = progress.Find("[aria-live=polite]");
        Assert.Contains("Das Meeting hat noch nicht begonnen – wir lassen Sie automatisch teilnehmen, sobald der Moderator es startet. Erneute Prüfung in 30 s.",
            Normalise(status.TextContent), StringComparison.Ordinal);
        Assert.Equal("Fortschritt der Teilnahme", progress.Find("ol").GetAttribute("aria-label"));
        Assert.Equal("Teilnahme läuft", progress.Find("li.current").TextContent);
        Assert.Equal("Abbrechen", progress.Find("button").TextContent.Trim());

        progress.Render(p => p.Add(x => x.Step, JoinStep.Retrying).Add(x => x.Seconds, 8).Add(x => x.Error, JoinErrorCatalog.Classify(-3000, null)));
        Assert.Contains("Wir konnten keine Verbindung zu Zooms Meeting-Servern herstellen. Wir versuchen es erneut. Neuer Versuch in 8 s. Support-Code ZP-ABC234.",
            Normalise(progress.Find("[aria-live=polite]").TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void The_join_forms_messages_are_german()
    {
        using var german = new CultureScope("de-DE");

        Assert.Equal(["Geben Sie den Namen ein, den andere im Meeting sehen."], Problems(new JoinForm { DisplayName = "" }));
        Assert.Equal(["Ihr Name muss 1 bis 64 Zeichen lang sein."], Problems(new JoinForm { DisplayName = new string('a', 65) }));
        Assert.Equal(["Ihr Name enthält ein unsichtbares Formatierungszeichen (U+202E)."], Problems(new JoinForm { DisplayName = "Ada\u202EEve" }));
        Assert.Equal(["Ein Zoom-Kenncode hat höchstens 32 Zeichen."], Problems(new JoinForm { DisplayName = "Ada", Passcode = new string('1', 33) }));
    }

    [Fact]
    public void A_catalog_entry_is_read_in_the_culture_of_whoever_reads_it()
    {
        var info = JoinErrorCatalog.Classify(3008, "Meeting has not started");
        using (new CultureScope("de-DE"))
        {
            Assert.Equal("Das Meeting hatte noch nicht begonnen (3008).", info.AdminDiagnosis);
            Assert.StartsWith("Das Meeting hat noch nicht begonnen", info.UserMessage, StringComparison.Ordinal);
            Assert.Equal("Zoom antwortete mit Code 123456, den das Portal nicht kennt.", JoinErrorCatalog.Classify(123456, null).AdminDiagnosis);
        }

        using (new CultureScope("en-GB"))
        {
            Assert.Equal("The meeting had not started (3008).", info.AdminDiagnosis);
        }
    }

    private static List<string?> Problems(JoinForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage)];
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
