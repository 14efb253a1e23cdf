namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// Reads <c>Zoom:Mode</c> the way the Zoom client does: an explicit Sandbox or Live wins; when it is missing, the
/// Development environment without <c>Zoom:Api:ClientId</c> means Sandbox, anything else Live.
/// </summary>
internal static class ZoomModeReader
{
    public const string ModeKey = "Zoom:Mode";
    public const string ApiClientIdKey = "Zoom:Api:ClientId";

    /// <summary>True for Sandbox, false for Live, null when <c>Zoom:Mode</c> holds something else.</summary>
    public static bool? IsSandbox(IConfiguration configuration, IHostEnvironment environment)
    {
        var mode = configuration[ModeKey];
        if (string.IsNullOrWhiteSpace(mode))
        {
            return environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration[ApiClientIdKey]);
        }

        if (string.Equals(mode.Trim(), "Sandbox", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(mode.Trim(), "Live", StringComparison.OrdinalIgnoreCase) ? false : null;
    }
}
