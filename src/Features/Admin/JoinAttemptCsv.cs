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
    /// Text that came from browsers or the SDK, guarded so that no spreadsheet runs it as a formula in any locale: a
    /// leading = + - @ (or tab/CR/LF, or their full-width forms, which CJK Excel also reads as formulas), possibly after
    /// spaces or quotes, gets an apostrophe in front. So does any such start after a semicolon, tab or line break inside
    /// the text, because a spreadsheet whose list separator is a semicolon or tab starts a new cell there, quotes or not.
    /// Numbers the portal formats itself are left alone (-3000 stays a number).
    /// </summary>
    public static string? Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var guarded = new System.Text.StringBuilder(value.Length + 2);
        var cellStart = true;
        foreach (var c in value)
        {
            if (cellStart && IsFormulaStart(c) && !(guarded.Length > 0 && IsCellBreak(c)))
            {
                guarded.Append('\'');
                cellStart = false;
            }
            else if (cellStart && c is not (' ' or '\u00A0' or '"'))
            {
                cellStart = false;
            }

            guarded.Append(c);
            if (IsCellBreak(c))
            {
                cellStart = true;
            }
        }

        return guarded.ToString();
    }

    private static bool IsCellBreak(char c) => c is ';' or '\t' or '\r' or '\n';

    private static bool IsFormulaStart(char c) =>
        c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';

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
