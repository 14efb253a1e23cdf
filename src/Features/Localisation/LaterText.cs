namespace ZoomPortal.Features.Localisation;

/// <summary>
/// Makes <see cref="LocalisedText"/>s as <c>L["Key", arguments]</c>, the way components ask for texts, so
/// <c>SharedResourceTests</c> finds the keys a catalog built once asks for.
/// </summary>
public sealed class LaterText
{
    public static LaterText Instance { get; } = new();

    private LaterText()
    {
    }

    public LocalisedText this[string key, params object[] arguments] => new(key, arguments);
}
