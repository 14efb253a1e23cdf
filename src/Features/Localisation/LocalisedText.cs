namespace ZoomPortal.Features.Localisation;

/// <summary>
/// A text of the shared resource set that is looked up when it is read, not when it is made: for values built once
/// (the join error catalog) and shown to people of either language. <see cref="ToString"/> gives it in the current UI
/// culture, its placeholders filled in the current culture.
/// </summary>
public sealed class LocalisedText(string key, params object[] arguments)
{
    public string Key { get; } = key;

    public override string ToString() => arguments.Length == 0 ? StaticText.Instance[Key] : StaticText.Instance[Key, arguments];

    /// <summary>The text in <paramref name="culture"/>, whoever reads it now (the invariant culture: English, invariant numbers).</summary>
    public string In(System.Globalization.CultureInfo culture) => StaticText.In(culture, Key, arguments);
}
