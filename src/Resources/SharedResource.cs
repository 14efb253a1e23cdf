namespace ZoomPortal.Resources;

/// <summary>
/// The one resource set for every portal string (<c>SharedResource.resx</c> English, <c>SharedResource.de.resx</c>
/// German): components inject <c>IStringLocalizer&lt;SharedResource&gt;</c>. One set rather than one per feature, so a
/// translator works through a single file and a single test proves both languages have the same keys.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; never instantiated.
public sealed class SharedResource;
#pragma warning restore CA1052
