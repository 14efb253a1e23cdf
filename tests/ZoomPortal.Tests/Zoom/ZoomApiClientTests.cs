using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZoomPortal.Zoom;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Zoom;

public sealed class ZoomApiClientTests
{
    private const string Alex = "alex.host@example.com";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reads_every_page_of_meetings_to_the_end()
    {
        await using var harness = await ZoomClientHarness.StartAsync(sandbox: s => s.PageSize = 1);
        using var cts = new CancellationTokenSource(TestTimeout);
        var alexId = harness.Sandbox.Account.FindUser(Alex)!.Id;

        var meetings = await harness.Api.ListMeetingsAsync(Alex, ZoomMeetingListType.Scheduled, cts.Token);

        Assert.Equal([84512345671, 84512345672, 84512345674], meetings.Select(m => m.Id).Order());
        Assert.All(meetings, m => Assert.Equal(alexId, m.HostId));
        Assert.Equal(3, harness.RequestCount("GET /v2/users/alex.host@example.com/meetings"));
        Assert.Contains(harness.Sandbox.Requests, r => r.Contains("page_size=300", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waits_out_a_429_with_its_Retry_After_then_succeeds()
    {
        await using var harness = await ZoomClientHarness.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeout);
        await harness.Api.ListUsersAsync(cts.Token);
        harness.Sandbox.Faults.Enqueue(429, retryAfter: TimeSpan.FromSeconds(1));

        var watch = Stopwatch.StartNew();
        var users = await harness.Api.ListUsersAsync(cts.Token);
        watch.Stop();

        Assert.Equal(4, users.Count);
        Assert.Equal(3, harness.RequestCount("GET /v2/users?"));
        // The retry delay is 20 ms; only honouring Retry-After: 1 makes the call last most of a second.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"The retry came after {watch.Elapsed}, before Retry-After.");
    }

    [Fact]
    public async Task Retries_a_5xx_and_succeeds_when_Zoom_recovers()
    {
        await using var harness = await ZoomClientHarness.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeout);
        harness.Sandbox.Faults.Enqueue(500, count: 2);

        var meeting = await harness.Api.GetMeetingAsync(84512345672, cts.Token);

        Assert.Equal("Quarterly planning", meeting.Topic);
        Assert.Equal(3, harness.RequestCount("GET /v2/meetings/84512345672"));
    }

    [Fact]
    public async Task Surfaces_a_5xx_as_an_error_after_the_retries_run_out()
    {
        await using var harness = await ZoomClientHarness.StartAsync(client: o => o.Api.MaxRetries = 3);
        using var cts = new CancellationTokenSource(TestTimeout);
        harness.Sandbox.Faults.Enqueue(503, count: 10);

        var error = await Assert.ThrowsAsync<ZoomApiException>(() => harness.Api.ListUsersAsync(cts.Token));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("after retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, harness.RequestCount("GET /v2/users?"));
        var health = harness.Services.GetRequiredService<ZoomApiHealth>().Snapshot;
        Assert.NotNull(health.LastFailureAt);
    }

    [Fact]
    public async Task Reuses_the_token_and_renews_it_shortly_before_it_expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await ZoomClientHarness.StartAsync(time);
        using var cts = new CancellationTokenSource(TestTimeout);

        await harness.Api.ListUsersAsync(cts.Token);
        time.Advance(TimeSpan.FromMinutes(30));
        await harness.Api.ListUsersAsync(cts.Token);
        Assert.Equal(1, harness.Sandbox.TokensIssued);

        // The sandbox's token lives 60 minutes and would still be accepted: only the client's own expiry check renews it.
        time.Advance(TimeSpan.FromMinutes(29.5));
        await harness.Api.ListUsersAsync(cts.Token);

        Assert.Equal(2, harness.Sandbox.TokensIssued);
        Assert.Equal(3, harness.RequestCount("GET /v2/users?"));
        var health = harness.Services.GetRequiredService<ZoomApiHealth>().Snapshot;
        Assert.Equal(TimeSpan.Zero, health.TokenAge(time.GetUtcNow()));
        Assert.Equal(time.GetUtcNow(), health.LastSuccessAt);
    }

    [Fact]
    public async Task Renews_the_token_once_when_Zoom_answers_401()
    {
        await using var harness = await ZoomClientHarness.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeout);
        await harness.Api.ListUsersAsync(cts.Token);
        harness.Sandbox.RevokeTokens();

        var users = await harness.Api.ListUsersAsync(cts.Token);

        Assert.Equal(4, users.Count);
        Assert.Equal(2, harness.Sandbox.TokensIssued);
        Assert.Equal(3, harness.RequestCount("GET /v2/users?"));
    }

    [Fact]
    public async Task Serialises_concurrent_token_requests_into_one()
    {
        await using var harness = await ZoomClientHarness.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeout);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => harness.Api.ListUsersAsync(cts.Token)));

        Assert.Equal(1, harness.Sandbox.TokensIssued);
    }

    [Fact]
    public async Task A_missing_scope_becomes_an_error_naming_the_scope()
    {
        await using var harness = await ZoomClientHarness.StartAsync(sandbox: s => s.MissingScopes.Add(ZoomSandboxServer.MeetingReadScope));
        using var cts = new CancellationTokenSource(TestTimeout);

        var error = await Assert.ThrowsAsync<ZoomApiException>(() => harness.Api.ListMeetingsAsync(Alex, ZoomMeetingListType.Upcoming, cts.Token));

        Assert.Equal("meeting:read:admin", error.MissingScope);
        Assert.Equal(4711, error.ZoomCode);
        Assert.Contains("lacks the scope meeting:read:admin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Invalid access token, does not contain scopes:[meeting:read:admin].", "meeting:read:admin")]
    [InlineData("Invalid access token, does not contain scopes:[user:read:admin, user:read:token:admin].", "user:read:admin, user:read:token:admin")]
    [InlineData("Invalid access token.", null)]
    public void Finds_the_scope_in_Zoom_error_messages(string message, string? scope) =>
        Assert.Equal(scope, ZoomApiClient.FindMissingScope(message));

    [Fact]
    public async Task A_15_digit_meeting_id_survives_the_round_trip()
    {
        const long SydneyTownHall = 987654321012345;
        await using var harness = await ZoomClientHarness.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeout);

        var listed = await harness.Api.ListMeetingsAsync("olivia.host@example.com", ZoomMeetingListType.Upcoming, cts.Token);
        var meeting = await harness.Api.GetMeetingAsync(SydneyTownHall, cts.Token);

        Assert.Contains(listed, m => m.Id == SydneyTownHall);
        Assert.Equal(SydneyTownHall, meeting.Id);
        Assert.Equal("Australia/Sydney", meeting.Timezone);
        Assert.Equal("syd2026", meeting.Password);
        Assert.True(meeting.Settings?.WaitingRoom);
    }

    [Fact]
    public async Task Reads_a_recurring_meeting_with_its_occurrences_and_status()
    {
        await using var harness = await ZoomClientHarness.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeout);

        var recurring = await harness.Api.GetMeetingAsync(84512345674, cts.Token);
        var live = await harness.Api.ListMeetingsAsync(Alex, ZoomMeetingListType.Live, cts.Token);
        var zak = await harness.Api.GetZakAsync(Alex, cts.Token);

        Assert.Equal(8, recurring.Type);
        Assert.Equal(4, recurring.Occurrences.Count);
        Assert.Equal("waiting", recurring.Status);
        Assert.Equal([84512345671], live.Select(m => m.Id));
        Assert.Equal(harness.Sandbox.Account.FindUser(Alex)!.Id, harness.Sandbox.Account.UserOfZak(zak));
    }
}
