using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Tests.Features.Join;

public sealed class JoinInputTests
{
    [Theory]
    [InlineData(0, 3712, "6.2.0", "Component")]
    [InlineData(1001, 3712, "6.2.0", "Component")]
    [InlineData(1, 3712, "6.2.0", "Popup")]
    [InlineData(1, 3712, "6.2.0", "component")]
    [InlineData(1, 3712, "6.2.0-but-a-version-string-much-too-long", "Component")]
    [InlineData(1, 3712, "6.2.0<script>", "Component")]
    [InlineData(1, int.MinValue, "6.2.0", "Component")]
    [InlineData(1, int.MaxValue, "6.2.0", "Component")]
    public void Hostile_attempt_reports_are_rejected(int attempt, int code, string version, string view)
    {
        Assert.Null(JoinAttemptReport.TryCreate(attempt, code, "x", version, view, 0));
    }

    [Fact]
    public void Report_messages_are_trimmed_to_500_characters_and_lose_control_characters()
    {
        var report = JoinAttemptReport.TryCreate(1, -3000, "bad\u0000" + new string('x', 2000), "6.2.0", "Sandbox", 86_400_000)!;

        Assert.Equal(500, report.ErrorMessage!.Length);
        Assert.StartsWith("badx", report.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(JoinAttemptReport.TryCreate(1, -3000, "x", "6.2.0", "Sandbox", 86_400_001));
    }

    [Theory]
    [InlineData("Retrying", true)]
    [InlineData("LoadingZoom", true)]
    [InlineData("InMeeting", false)]
    [InlineData("Stopped", false)]
    [InlineData("4", false)]
    [InlineData("retrying", false)]
    [InlineData(null, false)]
    public void Only_progress_steps_the_browser_may_set_are_accepted(string? step, bool accepted)
    {
        Assert.Equal(accepted, JoinSteps.TryParseReported(step, out _));
    }

    [Fact]
    public void Long_user_ids_become_a_stable_36_character_customer_key()
    {
        var id = new string('u', 80);

        Assert.Equal(36, JoinIdentity.CustomerKey(id).Length);
        Assert.Equal(JoinIdentity.CustomerKey(id), JoinIdentity.CustomerKey(id));
        Assert.NotEqual(JoinIdentity.CustomerKey(id), JoinIdentity.CustomerKey(id + "x"));
        Assert.Equal("user-1", JoinIdentity.CustomerKey("user-1"));
    }

    [Theory]
    [InlineData("  Ada  ", "Ada")]
    [InlineData("", null)]
    [InlineData("<script>", null)]
    public void Display_names_are_trimmed_and_checked(string name, string? expected)
    {
        Assert.Equal(expected, JoinIdentity.NormalizeDisplayName(name));
        Assert.Null(JoinIdentity.NormalizeDisplayName(new string('a', 65)));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36", "Chrome 156", "Linux", false)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge 131", "Windows", false)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari 17", "iOS", true)]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome 131", "Android", true)]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128", "macOS", false)]
    public void User_agents_are_read_coarsely(string ua, string browser, string os, bool mobile)
    {
        Assert.Equal(new UserAgentInfo(browser, os, mobile), UserAgentInfo.Parse(ua));
    }

    [Fact]
    public void Retry_policy_follows_the_catalog()
    {
        var options = new JoinOptions { RetryDelay = TimeSpan.FromSeconds(2), MaxAttempts = 3, NetworkBackOff = TimeSpan.FromSeconds(10) };
        JoinNextStep Next(int code, int attempt, TimeSpan waited = default) =>
            JoinRetryPolicy.Decide(JoinErrorCatalog.Classify(code, null), attempt, waited, options);

        Assert.Equal(JoinNextStep.Retry(TimeSpan.FromSeconds(2), remeasureClock: true), Next(3705, 1));
        Assert.Equal(JoinNextAction.Stop, Next(3712, 3).Action);
        Assert.Equal(JoinNextAction.Retry, JoinRetryPolicy.Decide(JoinErrorCatalog.Classify(1, "Invalid signature."), 1, TimeSpan.Zero, options).Action);
        Assert.Equal(new JoinNextStep(JoinNextAction.WaitForHost, options.WaitForHostInterval, false), Next(3008, 9));
        Assert.Equal(JoinNextAction.Stop, Next(3008, 9, options.WaitForHostTimeout).Action);
        Assert.Equal(JoinNextAction.AskPasscode, Next(3004, 1).Action);
        Assert.Equal(TimeSpan.FromSeconds(10), Next(3633, 1).Delay);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], [Next(-3000, 1).Delay, Next(3621, 2).Delay]);
        Assert.Equal(JoinNextAction.Stop, Next(3001, 1).Action);
    }
}
