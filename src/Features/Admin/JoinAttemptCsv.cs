using System.Globalization;
using ZoomPortal.Features.Join.Attempts;

namespace ZoomPortal.Features.Admin;

/// <summary>Writes join attempts as CSV (RFC 4180), one row at a time, safe to open in a spreadsheet.</summary>
public static class JoinAttemptCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Id", "JoinId", "SupportCode", "AttemptNumber", "StartedAt", "FinishedAt", "UserId", "MeetingId", "Role",
        "Outcome", "ErrorCode", "ErrorCategory", "ErrorMessage", "JoinOutcome", "SdkVersion", "SdkView", "Browser",
        "OperatingSystem", "ZoomClockOffsetMs", "ZoomClockUncertaintyMs", "BrowserClockOffsetMs", "SignatureIssuedAt",
        "SignatureExpiresAt", "SignatureWindow", "TimeToJoinMs",
    ];

    /// <summary>Streams the rows; <paramref name="userId"/> maps each user id (identity or a pseudonym).</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<JoinAttempt> attempts, Func<string, string> userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(userId);
        await writer.WriteAsync(string.Join(',', Header) + "\r\n");
        await foreach (var a in attempts.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Row(a, userId));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Row(JoinAttempt a, Func<string, string> userId)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(userId);
        string?[] cells =
        [
            Number(a.Id), a.JoinId.ToString("D"), Text(a.SupportCode), Number(a.AttemptNumber), Time(a.StartedAt),
            Time(a.FinishedAt), Text(userId(a.UserId)), Number(a.MeetingId), Number(a.Role), a.Outcome.ToString(),
            Number(a.ErrorCode), a.ErrorCategory.ToString(), Text(a.ErrorMessage), a.JoinOutcome?.ToString(),
            Text(a.SdkVersion), Text(a.SdkView), Text(a.Browser), Text(a.OperatingSystem), Number(a.ZoomClockOffsetMs),
            Number(a.ZoomClockUncertaintyMs), Number(a.BrowserClockOffsetMs), Time(a.SignatureIssuedAt),
            Time(a.SignatureExpiresAt), a.SignatureWindow?.ToString(), Number(a.TimeToJoinMs),
        ];
        return string.Join(',', cells.Select(Escape)) + "\r\n";
    }

    /// <summary>
    /// Text that came from browsers or the SDK: a leading = + - @ (or tab/CR) would make a spreadsheet run it as a
    /// formula, so it gets a leading apostrophe. Numbers the portal formats itself are left alone (-3000 stays a number).
    /// </summary>
    public static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Quotes a cell that holds a comma, quote or line break, doubling its quotes.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Time(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : null;
}
