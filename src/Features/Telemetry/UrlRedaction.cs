using System.Text.RegularExpressions;

namespace ZoomPortal.Features.Telemetry;

/// <summary>
/// A URL fit for a span attribute: scheme, host and port, the path's plain words ("v2", "users", "meetings"), every
/// other segment (ids, e-mails, tokens) as <c>{id}</c>, and no query or fragment.
/// </summary>
internal static partial class UrlRedaction
{
    public static string Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{uri.Scheme}://{uri.Authority}{RedactPath(uri.AbsolutePath)}";
    }

    public static string RedactPath(string path) =>
        string.Join('/', path.Split('/').Select(s => s.Length == 0 || PlainWord().IsMatch(s) ? s : "{id}"));

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();
}
