using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Benchmarks;

/// <summary>A deterministic join-attempt log: ~25 % failures over 90 days, 2,000 meetings, 20,000 users.</summary>
internal static class JoinLogData
{
    public static readonly DateTime Start = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly int[] Codes = [3712, 3705, 3004, 3008, 4011, -3000, 3622, 1, 10000, 3633];
    private static readonly string[] Browsers = ["Chrome 131", "Edge 131", "Firefox 133", "Safari 18", "Chrome 130", "Samsung Internet 27"];

    public static IEnumerable<JoinAttempt> Generate(int rows)
    {
        var random = new Random(42);
        var step = TimeSpan.FromDays(90) / rows;
        for (var i = 0; i < rows; i++)
        {
            var started = Start + (step * i);
            var roll = random.Next(100);
            var outcome = roll < 70 ? JoinAttemptOutcome.Succeeded : roll < 95 ? JoinAttemptOutcome.Failed : JoinAttemptOutcome.Abandoned;
            int? code = outcome == JoinAttemptOutcome.Failed ? Codes[random.Next(Codes.Length)] : null;
            yield return new JoinAttempt
            {
                JoinId = Guid.NewGuid(),
                SupportCode = "ZP-" + i.ToString("X6", System.Globalization.CultureInfo.InvariantCulture),
                AttemptNumber = 1 + random.Next(3),
                StartedAt = started,
                FinishedAt = started.AddSeconds(3),
                UserId = "user-" + random.Next(20_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                MeetingId = 81_000_000_000 + random.Next(2_000),
                Role = 0,
                Outcome = outcome,
                ErrorCode = code,
                ErrorMessage = code is null ? null : "Zoom said no",
                ErrorCategory = code is { } c ? JoinErrorCatalog.Classify(c, null).Category : JoinErrorCategory.None,
                JoinOutcome = random.Next(10) < 8 ? JoinAttemptOutcome.Succeeded : JoinAttemptOutcome.Failed,
                SdkVersion = "6.2.0",
                SdkView = random.Next(2) == 0 ? "Component" : "Client",
                Browser = Browsers[random.Next(Browsers.Length)],
                OperatingSystem = "Windows 11",
                ZoomClockOffsetMs = random.Next(-2_000, 2_000),
                ZoomClockUncertaintyMs = 300,
                BrowserClockOffsetMs = random.Next(-5_000, 5_000),
                SignatureIssuedAt = started.AddSeconds(-30),
                SignatureExpiresAt = started.AddHours(2),
                TimeToJoinMs = outcome == JoinAttemptOutcome.Succeeded ? 2_000 + random.Next(5_000) : null,
            };
        }
    }
}
