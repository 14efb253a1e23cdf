using ZoomPortal.Features.Admin;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class JoinAttemptCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Escapes_commas_quotes_and_line_breaks(string value, string expected) =>
        Assert.Equal(expected, JoinAttemptCsv.Escape(value));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Chrome 131", "Chrome 131")]
    public void Guards_text_cells_against_formula_injection(string value, string expected) =>
        Assert.Equal(expected, JoinAttemptCsv.Text(value));

    [Fact]
    public void A_row_guards_and_escapes_what_came_from_the_browser_but_keeps_negative_numbers()
    {
        var attempt = AttemptData.Failed(-3000, message: "=cmd|' /C calc'!A0, oops", zoomOffsetMs: -432_000);
        attempt.Browser = "@evil";

        var row = JoinAttemptCsv.Row(attempt, id => id);

        Assert.Contains(",\"'=cmd|' /C calc'!A0, oops\",", row, StringComparison.Ordinal);
        Assert.Contains(",'@evil,", row, StringComparison.Ordinal);
        Assert.Contains(",-3000,", row, StringComparison.Ordinal);
        Assert.Contains(",-432000,", row, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", row, StringComparison.Ordinal);
        Assert.Equal(JoinAttemptCsv.Header.Count, SplitCells(row.TrimEnd('\r', '\n')).Count);
    }

    [Fact]
    public void Pseudonyms_are_stable_within_an_export_and_differ_between_users_and_keys()
    {
        var export = ExportPseudonymiser.ForExport(null);
        var other = ExportPseudonymiser.ForExport(null);

        Assert.Equal(export.Pseudonymise("dev-ann"), export.Pseudonymise("dev-ann"));
        Assert.NotEqual(export.Pseudonymise("dev-ann"), export.Pseudonymise("dev-bob"));
        Assert.NotEqual(export.Pseudonymise("dev-ann"), other.Pseudonymise("dev-ann"));
        Assert.DoesNotContain("ann", export.Pseudonymise("dev-ann"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_key_makes_pseudonyms_stable_across_exports()
    {
        const string Key = "a-configured-secret-of-at-least-32-chars";

        Assert.Equal(ExportPseudonymiser.ForExport(Key).Pseudonymise("dev-ann"), ExportPseudonymiser.ForExport(Key).Pseudonymise("dev-ann"));
    }

    [Fact]
    public async Task Writes_a_header_and_one_line_per_attempt_with_mapped_user_ids()
    {
        var attempts = new[] { AttemptData.Failed(3004, userId: "dev-ann"), AttemptData.Failed(3008, userId: "dev-bob") };
        await using var writer = new StringWriter();

        await JoinAttemptCsv.WriteAsync(writer, attempts.ToAsyncEnumerable(), id => "p:" + id, CancellationToken.None);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Id,JoinId,SupportCode", lines[0], StringComparison.Ordinal);
        Assert.Contains(",p:dev-ann,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",p:dev-bob,", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x;=cmd|' /C calc'!A0")]
    [InlineData("x\t=cmd|' /C calc'!A0")]
    [InlineData("x, -2+3")]
    [InlineData(" =1+1")]
    [InlineData("\uFF1DSUM(A1)")]
    [InlineData("\uFF20SUM(A1)")]
    public void No_cell_reads_as_a_formula_whatever_the_spreadsheet_splits_on(string message)
    {
        var attempt = AttemptData.Failed(3000, message: message);
        attempt.Browser = message;

        var row = JoinAttemptCsv.Row(attempt, id => id).TrimEnd('\r', '\n');

        // Excel and LibreOffice split on the locale's list separator: a comma, a semicolon or a tab.
        foreach (var separator in new[] { ',', ';', '\t' })
        {
            foreach (var cell in SplitCells(row, separator))
            {
                var start = cell.TrimStart(' ', '\u00A0');
                Assert.False(start.Length > 0 && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".Contains(start[0], StringComparison.Ordinal) && !IsNumber(start),
                    $"Split on '{separator}', the cell <{cell}> starts like a formula.");
            }
        }
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// A reader that splits as a spreadsheet does: on <paramref name="separator"/> and on line breaks, with a quote special only
    /// at the start of a cell (so a comma-quoted cell does not protect a semicolon inside it from a semicolon locale).
    /// </summary>
    internal static List<string> SplitCells(string line, char separator = ',')
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        var atStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && atStart)
            {
                quoted = true;
                atStart = false;
            }
            else if (c == separator || c is '\r' or '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                atStart = true;
            }
            else
            {
                cell.Append(c);
                atStart = false;
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
