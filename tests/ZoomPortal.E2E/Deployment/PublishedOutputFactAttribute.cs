namespace ZoomPortal.E2E.Deployment;

/// <summary>
/// A test of an already running published portal (started by <c>.ci/dockerfile-build.sh</c>), whose address is in
/// <c>ZOOMPORTAL_PUBLISHED_URL</c>; skipped when that is not set, as in a plain <c>./tests/run.sh</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublishedOutputFactAttribute : FactAttribute
{
    public const string UrlVariable = "ZOOMPORTAL_PUBLISHED_URL";

    public PublishedOutputFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(UrlVariable)))
        {
            Skip = $"Runs from .ci/dockerfile-build.sh, which sets {UrlVariable} to the published portal it started.";
        }
    }

    public static Uri Url => new(Environment.GetEnvironmentVariable(UrlVariable)
        ?? throw new InvalidOperationException($"{UrlVariable} is not set."));
}
