using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Join;

namespace ZoomPortal.Tests.Features.Join.Security;

/// <summary>Finding 3 of issue 10: one user can't ask for signatures or ZAKs without limit, and a host's ZAK is reused.</summary>
public sealed class SignatureLimitTests
{
    [Fact]
    public async Task The_per_user_limit_holds_for_one_user_while_another_users_signature_still_succeeds()
    {
        await using var harness = await JoinHarness.CreateAsync(new JoinOptions { SignaturesPerUserPerMinute = 3 });
        var mallory = JoinHarness.User("user-mallory", "mallory@example.com", "Mallory");

        // Reloading the page starts a new join with a new attempt budget: the per-user limit is what stops the flood.
        var results = new List<JoinTicketResult>();
        for (var i = 0; i < 5; i++)
        {
            var join = await harness.Service.StartJoinAsync(mallory, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);
            results.Add(await harness.Service.IssueSignatureAsync(mallory, join!, 1, false, "Mallory", null, CancellationToken.None));
        }

        Assert.Equal(3, results.Count(r => r.Ticket is not null));
        Assert.All(results.Skip(3), r => Assert.Equal("You have asked for too many join signatures; wait a minute and try again.", r.Problem));
        var ann = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);
        Assert.NotNull((await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, ann!, 1, false, "Ada", null, CancellationToken.None)).Ticket);
        await using var db = harness.Database.CreateDbContext();
        Assert.Equal(3, await db.SignatureIssuances.CountAsync(r => r.UserId == "user-mallory"));
    }

    [Fact]
    public async Task Two_host_attempts_fetch_the_zak_once_and_a_new_one_only_after_its_lifetime()
    {
        var options = new JoinOptions { ZakLifetime = TimeSpan.FromMinutes(30) };
        await using var harness = await JoinHarness.CreateAsync(options);
        var join = await harness.Service.StartJoinAsync(JoinHarness.Host, JoinHarness.MeetingId, JoinKind.Start, null, CancellationToken.None);

        var first = await harness.Service.IssueSignatureAsync(JoinHarness.Host, join!, 1, false, "Hana", null, CancellationToken.None);
        await harness.Recorder.RecordReportAsync(JoinHarness.Host, join!, JoinAttemptReport.TryCreate(1, 3712, null, null, null, null)!, null, TimeSpan.Zero, CancellationToken.None);
        var second = await harness.Service.IssueSignatureAsync(JoinHarness.Host, join!, 2, false, "Hana", null, CancellationToken.None);

        Assert.Equal((JoinHarness.Zak, JoinHarness.Zak), (first.Ticket!.Zak, second.Ticket!.Zak));
        Assert.Single(harness.Zoom.ZakRequests);

        harness.Time.Advance(options.ZakLifetime + TimeSpan.FromSeconds(1));
        var later = await harness.Service.StartJoinAsync(JoinHarness.Host, JoinHarness.MeetingId, JoinKind.Start, null, CancellationToken.None);
        Assert.NotNull((await harness.Service.IssueSignatureAsync(JoinHarness.Host, later!, 1, false, "Hana", null, CancellationToken.None)).Ticket);
        Assert.Equal(2, harness.Zoom.ZakRequests.Count);
        Assert.DoesNotContain(JoinHarness.Zak, harness.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zak_fetches_have_their_own_per_user_limit()
    {
        var options = new JoinOptions { ZakFetchesPerUserPerMinute = 1, ZakLifetime = TimeSpan.FromMinutes(5) };
        await using var harness = await JoinHarness.CreateAsync(options);

        var first = await harness.Service.StartJoinAsync(JoinHarness.Host, JoinHarness.MeetingId, JoinKind.Start, null, CancellationToken.None);
        Assert.NotNull((await harness.Service.IssueSignatureAsync(JoinHarness.Host, first!, 1, false, "Hana", null, CancellationToken.None)).Ticket);
        harness.Time.Advance(options.ZakLifetime + TimeSpan.FromSeconds(1));
        var second = await harness.Service.StartJoinAsync(JoinHarness.Host, JoinHarness.MeetingId, JoinKind.Start, null, CancellationToken.None);
        var refused = await harness.Service.IssueSignatureAsync(JoinHarness.Host, second!, 1, false, "Hana", null, CancellationToken.None);

        Assert.Null(refused.Ticket);
        Assert.Equal("You have asked Zoom for your host credentials too often; wait a minute and try again.", refused.Problem);
        Assert.Single(harness.Zoom.ZakRequests);
    }

    [Fact]
    public void Limits_out_of_range_stop_start_up_with_a_message_naming_the_key()
    {
        var options = new JoinOptions { SignaturesPerUserPerMinute = 0, ZakLifetime = TimeSpan.FromHours(2) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal(["Join:SignaturesPerUserPerMinute must be between 1 and 1000.", "Join:ZakLifetime must be between 00:01:00 and 01:00:00 (Zoom's ZAK lives 2 h)."],
            results.Select(r => r.ErrorMessage).Order(StringComparer.Ordinal));
    }
}
