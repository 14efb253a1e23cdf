using System.Text.RegularExpressions;

namespace ZoomPortal.Features.Join;

/// <summary>A coarse reading of a User-Agent for support ("Chrome 156", "Linux"); never the whole string.</summary>
public sealed partial record UserAgentInfo(string Browser, string OperatingSystem, bool IsMobile)
{
    public static readonly UserAgentInfo Unknown = new("Unknown", "Unknown", false);

    private const int MaxLength = 1024;

    public static UserAgentInfo Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var ua = userAgent.Length > MaxLength ? userAgent[..MaxLength] : userAgent;
        var os = ua switch
        {
            _ when ua.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when ua.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when ua.Contains("CrOS", StringComparison.Ordinal) => "ChromeOS",
            _ when ua.Contains("Mac OS X", StringComparison.Ordinal) || ua.Contains("Macintosh", StringComparison.Ordinal) => "macOS",
            _ when ua.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "Unknown",
        };
        var browser = Version(EdgePattern(), ua, "Edge") ?? Version(OperaPattern(), ua, "Opera") ?? Version(FirefoxPattern(), ua, "Firefox")
            ?? Version(ChromePattern(), ua, "Chrome") ?? Version(SafariPattern(), ua, "Safari") ?? "Unknown";
        var mobile = os is "Android" or "iOS" || ua.Contains("Mobi", StringComparison.Ordinal);
        return new UserAgentInfo(browser, os, mobile);
    }

    private static string? Version(Regex pattern, string ua, string name)
    {
        var match = pattern.Match(ua);
        return match.Success ? $"{name} {match.Groups[1].Value}" : null;
    }

    [GeneratedRegex(@"Edg(?:e|A|iOS)?/(\d{1,4})", RegexOptions.CultureInvariant, 100)]
    private static partial Regex EdgePattern();

    [GeneratedRegex(@"OPR/(\d{1,4})", RegexOptions.CultureInvariant, 100)]
    private static partial Regex OperaPattern();

    [GeneratedRegex(@"(?:Firefox|FxiOS)/(\d{1,4})", RegexOptions.CultureInvariant, 100)]
    private static partial Regex FirefoxPattern();

    [GeneratedRegex(@"(?:Chrome|Chromium|CriOS)/(\d{1,4})", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ChromePattern();

    [GeneratedRegex(@"Version/(\d{1,4})[.\d]* (?:Mobile/\S+ )?Safari/", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SafariPattern();
}
