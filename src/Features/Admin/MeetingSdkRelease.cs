using System.Text.Json;

namespace ZoomPortal.Features.Admin;

/// <summary>The Meeting SDK version the app serves, and Zoom's quarterly minimum-version enforcement.</summary>
internal static class MeetingSdkRelease
{
    private static readonly int[] EnforcementMonths = [2, 5, 8, 11];

    /// <summary>Reads <c>version</c> from the npm package's package.json under the content root (or wwwroot); null when absent.</summary>
    public static string? ReadVersion(string contentRoot, string? webRoot)
    {
        string?[] candidates =
        [
            Path.Combine(contentRoot, "node_modules", "@zoom", "meetingsdk", "package.json"),
            webRoot is null ? null : Path.Combine(webRoot, "zoom", "package.json"),
        ];
        foreach (var path in candidates)
        {
            if (path is null || !File.Exists(path))
            {
                continue;
            }

            try
            {
                using var stream = File.OpenRead(path);
                using var json = JsonDocument.Parse(stream);
                if (json.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String)
                {
                    return version.GetString();
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                // An unreadable file means "unknown", which the page says.
            }
        }

        return null;
    }

    /// <summary>Zoom enforces minimum SDK versions on the first weekend of February, May, August and November.</summary>
    public static DateOnly NextEnforcement(DateOnly today)
    {
        for (var year = today.Year; ; year++)
        {
            foreach (var month in EnforcementMonths)
            {
                var saturday = FirstSaturday(year, month);
                // The weekend counts until its Sunday has passed.
                if (saturday.AddDays(1) >= today)
                {
                    return saturday;
                }
            }
        }
    }

    private static DateOnly FirstSaturday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);
    }
}
