using Microsoft.Extensions.Localization;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Resources;

namespace ZoomPortal.Features.Admin;

/// <summary>What an administrator reads for an error category: words (resource <c>Category.{name}</c>), not the enum's code names.</summary>
public static class JoinErrorCategoryTitles
{
    public static string Title(JoinErrorCategory category, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var title = localizer[$"Category.{category}"];
        return title.ResourceNotFound ? category.ToString() : title.Value;
    }
}
