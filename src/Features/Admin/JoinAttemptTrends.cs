using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Admin;

/// <summary>What the trends page charts, each computed with GROUP BY in the database.</summary>
public sealed record JoinAttemptTrends(
    bool Hourly,
    IReadOnlyList<FailureBucket> Failures,
    int Joins,
    int SucceededJoins,
    IReadOnlyList<FailureCount> TopMeetings,
    IReadOnlyList<FailureCount> TopBrowsers)
{
    /// <summary>Share of joins (attempt 1 in range) whose outcome after retries was success; null without joins.</summary>
    public double? SuccessRate => Joins == 0 ? null : (double)SucceededJoins / Joins;

    /// <summary>The most failures in one period (all categories stacked), which the chart's y axis must reach.</summary>
    public int PeakFailures => Failures.Count == 0 ? 0 : Failures.GroupBy(b => b.Start).Max(g => g.Sum(b => b.Count));
}

/// <summary>Failed attempts that started in one hour (or day) with one category.</summary>
public sealed record FailureBucket(DateTime Start, JoinErrorCategory Category, int Count);

/// <param name="Key">What is counted (a meeting ID, a browser).</param>
/// <param name="Title">What people call it, when it has a name (a meeting's topic).</param>
public sealed record FailureCount(string Key, int Count, string? Title = null);
