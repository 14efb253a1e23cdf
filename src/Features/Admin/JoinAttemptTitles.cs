using Microsoft.Extensions.Localization;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Resources;

namespace ZoomPortal.Features.Admin;

/// <summary>
/// What an administrator reads for an error category (resource <c>Category.{name}</c>) or an attempt's outcome (resource
/// <c>Outcome.{name}</c>): words, not the enums' code names, on every admin page (trends, the join-error log, its filters).
/// </summary>
public static class JoinAttemptTitles
{
    public static string Title(JoinErrorCategory category, IStringLocalizer<SharedResource> localizer) =>
        Lookup(localizer, $"Category.{category}", category.ToString());

    public static string Title(JoinAttemptOutcome outcome, IStringLocalizer<SharedResource> localizer) =>
        Lookup(localizer, $"Outcome.{outcome}", outcome.ToString());

    // A value added to an enum without its resource still shows (as its code name) rather than the key.
    private static string Lookup(IStringLocalizer<SharedResource> localizer, string key, string codeName)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var title = localizer[key];
        return title.ResourceNotFound ? codeName : title.Value;
    }
}
