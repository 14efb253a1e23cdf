using System.Globalization;
using System.Resources;
using ZoomPortal.Resources;

namespace ZoomPortal.Features.Localisation;

/// <summary>
/// The shared resource set for static C# helpers that have no injected <c>IStringLocalizer</c> (e.g.
/// <c>MeetingTimes</c>): same keys, same files, the current UI culture (set per circuit by request localisation).
/// Used as <c>L["Key"]</c> so <c>SharedResourceTests</c> finds the keys it asks for.
/// </summary>
public sealed class StaticText
{
    private static readonly ResourceManager Resources = new("ZoomPortal.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static StaticText Instance { get; } = new();

    private StaticText()
    {
    }

    /// <summary>The text for <paramref name="key"/> in the current UI culture; the key itself when missing.</summary>
    public string this[string key] => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public string this[string key, params object[] arguments] => string.Format(CultureInfo.CurrentCulture, this[key], arguments);

    /// <summary>
    /// The text for <paramref name="key"/> in <paramref name="culture"/>, its placeholders filled in that culture; the
    /// invariant culture gives the English text as the code wrote it before it was localised (e.g. for a webhook payload).
    /// </summary>
    public static string In(CultureInfo culture, string key, params object[] arguments)
    {
        var text = Resources.GetString(key, culture) ?? key;
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }
}
