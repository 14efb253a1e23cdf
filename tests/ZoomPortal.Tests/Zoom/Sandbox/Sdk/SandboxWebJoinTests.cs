using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ZoomPortal.Zoom.Sandbox;
using ZoomPortal.Zoom.Sandbox.Sdk;

namespace ZoomPortal.Tests.Zoom.Sandbox.Sdk;

public sealed class SandboxWebJoinTests
{
    // Seeded by the account: started, passcode 481516, host Alex.
    private const long LiveMeeting = 84512345671;
    private const string LivePasscode = "481516";
    // Not started, passcode Plan42, host Alex.
    private const long WaitingMeeting = 84512345672;

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly long NowSeconds = Now.ToUnixTimeSeconds();

    private readonly ZoomSandboxAccount _account = new(Now);
    private readonly SandboxWebJoin _rules;

    public SandboxWebJoinTests() => _rules = new SandboxWebJoin(_account, NullLogger<SandboxWebJoin>.Instance);

    [Fact]
    public void Participant_with_a_valid_signature_and_passcode_joins_a_started_meeting()
    {
        var answer = Join(SandboxTokens.Sign(Participant()));

        Assert.True(answer.Status);
        Assert.Equal("Weekly team sync", answer.Result?.Topic);
        Assert.Contains(answer.Result!.Participants, p => p.IsHost && p.DisplayName == "Alex Morgan");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    public void A_token_that_is_not_a_three_part_JWT_is_an_invalid_signature(string token) =>
        AssertFails(Join(token), 200, "Invalid signature.");

    [Fact]
    public void A_header_other_than_HS256_is_an_invalid_signature() =>
        AssertFails(Join(SandboxTokens.Sign(Participant(), alg: "HS384")), 200, "Invalid signature.");

    [Fact]
    public void A_signature_made_with_another_secret_is_invalid() =>
        AssertFails(Join(SandboxTokens.Sign(Participant(), secret: "another-secret-of-the-right-length-0123")), 200, "Invalid signature.");

    [Fact]
    public void A_tampered_payload_is_an_invalid_signature()
    {
        var token = SandboxTokens.Sign(Participant());
        var other = SandboxTokens.Sign(Participant(role: 1));
        var spliced = string.Join('.', token.Split('.')[0], other.Split('.')[1], token.Split('.')[2]);

        AssertFails(Join(spliced), 200, "Invalid signature.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("someone-elses-sdk-key")]
    public void A_missing_or_foreign_appKey_is_an_invalid_signature(string? appKey)
    {
        var claims = Participant();
        claims["appKey"] = appKey;

        AssertFails(Join(SandboxTokens.Sign(claims)), 200, "Invalid signature.");
    }

    [Theory]
    [InlineData("iat")]
    [InlineData("exp")]
    public void A_time_claim_written_as_a_string_is_an_invalid_signature(string claim)
    {
        var claims = Participant();
        claims[claim] = claims[claim]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);

        AssertFails(Join(SandboxTokens.Sign(claims)), 200, "Invalid signature.");
    }

    [Fact]
    public void An_iat_one_second_ahead_of_the_sandbox_clock_is_an_invalid_signature() =>
        AssertFails(Join(SandboxTokens.Sign(Participant(iat: NowSeconds + 1))), 200, "Invalid signature.");

    [Fact]
    public void An_iat_equal_to_the_sandbox_clock_is_accepted() =>
        Assert.True(Join(SandboxTokens.Sign(Participant(iat: NowSeconds))).Status);

    [Fact]
    public void An_exp_at_the_sandbox_clock_has_expired() =>
        AssertFails(Join(SandboxTokens.Sign(Participant(iat: NowSeconds - 1800, lifetime: 1800))), 200, "The signature has expired.");

    [Fact]
    public void An_exp_one_second_after_the_sandbox_clock_is_accepted() =>
        Assert.True(Join(SandboxTokens.Sign(Participant(iat: NowSeconds - 1799, lifetime: 1800))).Status);

    [Theory]
    [InlineData(1799)]
    [InlineData(172801)]
    public void A_lifetime_outside_1800_seconds_to_48_hours_is_an_invalid_signature(long lifetime) =>
        AssertFails(Join(SandboxTokens.Sign(Participant(iat: NowSeconds - 10, lifetime: lifetime))), 200, "Invalid signature.");

    [Fact]
    public void A_lifetime_of_48_hours_is_accepted() =>
        Assert.True(Join(SandboxTokens.Sign(Participant(iat: NowSeconds - 10, lifetime: 172800))).Status);

    [Fact]
    public void A_signature_for_another_meeting_number_is_the_wrong_meeting_number() =>
        AssertFails(Join(SandboxTokens.Sign(SandboxTokens.Claims(WaitingMeeting, 0, NowSeconds - 30))), 200, "The meeting number is wrong.");

    [Fact]
    public void A_signature_without_mn_is_the_wrong_meeting_number()
    {
        var claims = Participant();
        claims.Remove("mn");

        AssertFails(Join(SandboxTokens.Sign(claims)), 200, "The meeting number is wrong.");
    }

    [Fact]
    public void A_meeting_the_account_does_not_have_is_not_found() =>
        AssertFails(Join(SandboxTokens.Sign(SandboxTokens.Claims(11111111111, 0, NowSeconds - 30)), meetingNumber: 11111111111), 200, "The meeting number is not found.");

    [Fact]
    public void A_role_other_than_0_or_1_is_not_applicable() =>
        AssertFails(Join(SandboxTokens.Sign(Participant(role: 5))), 200, "The role is not applicable.");

    [Fact]
    public void A_wrong_passcode_is_refused() =>
        AssertFails(Join(SandboxTokens.Sign(Participant()), password: "481517"), 3004, "Meeting Passcode wrong.");

    [Fact]
    public void A_participant_of_a_meeting_that_has_not_started_is_told_so() =>
        AssertFails(Join(SandboxTokens.Sign(SandboxTokens.Claims(WaitingMeeting, 0, NowSeconds - 30)), WaitingMeeting, "Plan42"), 3008, "Meeting has not started");

    [Fact]
    public void A_host_join_without_a_ZAK_is_a_token_error() =>
        AssertFails(Join(SandboxTokens.Sign(SandboxTokens.Claims(WaitingMeeting, 1, NowSeconds - 30)), WaitingMeeting), 3136, "Token error");

    [Fact]
    public void A_host_join_with_another_hosts_ZAK_is_a_token_error()
    {
        var zak = _account.IssueZak("sbxPriyaHost000000002b");

        AssertFails(Join(SandboxTokens.Sign(SandboxTokens.Claims(WaitingMeeting, 1, NowSeconds - 30)), WaitingMeeting, zak: zak), 3136, "Token error");
        Assert.Equal(ZoomSandboxAccount.Waiting, _account.StatusOf(WaitingMeeting));
    }

    [Fact]
    public void A_host_join_with_the_hosts_ZAK_starts_the_meeting_so_participants_can_join()
    {
        var zak = _account.IssueZak("sbxAlexHost0000000001a");

        var host = Join(SandboxTokens.Sign(SandboxTokens.Claims(WaitingMeeting, 1, NowSeconds - 30)), WaitingMeeting, zak: zak);
        var participant = Join(SandboxTokens.Sign(SandboxTokens.Claims(WaitingMeeting, 0, NowSeconds - 30)), WaitingMeeting, "Plan42");

        Assert.True(host.Status);
        Assert.Equal(1, host.Result?.Role);
        Assert.Equal(ZoomSandboxAccount.Started, _account.StatusOf(WaitingMeeting));
        Assert.True(participant.Status);
    }

    private static JsonObject Participant(int role = 0, long? iat = null, long lifetime = 7200) =>
        SandboxTokens.Claims(LiveMeeting, role, iat ?? NowSeconds - 30, lifetime);

    private SandboxWebJoinAnswer Join(string token, long meetingNumber = LiveMeeting, string? password = LivePasscode, string? zak = null) =>
        _rules.Check(new SandboxWebJoinRequest
        {
            Signature = token,
            MeetingNumber = meetingNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Password = password,
            UserName = "Test User",
            Zak = zak,
        }, Now);

    private static void AssertFails(SandboxWebJoinAnswer answer, int code, string message)
    {
        Assert.False(answer.Status);
        Assert.Equal(code, answer.ErrorCode);
        Assert.Equal(message, answer.ErrorMessage);
        Assert.Null(answer.Result);
    }
}
