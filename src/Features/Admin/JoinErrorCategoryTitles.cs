using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Admin;

/// <summary>What an administrator reads for an error category: words, not the enum's code names.</summary>
public static class JoinErrorCategoryTitles
{
    public static string Title(JoinErrorCategory category) => category switch
    {
        JoinErrorCategory.None => "No error",
        JoinErrorCategory.Signature => "Signature rejected (clock)",
        JoinErrorCategory.Passcode => "Wrong or missing passcode",
        JoinErrorCategory.NotStarted => "Meeting not started yet",
        JoinErrorCategory.AppNotAuthorised => "App not authorised by Zoom",
        JoinErrorCategory.RateLimited => "Too many requests",
        JoinErrorCategory.Network => "Network or Zoom unreachable",
        JoinErrorCategory.Timeout => "Zoom did not answer in time",
        JoinErrorCategory.MeetingUnavailable => "Meeting unavailable (ended, full, locked or gone)",
        JoinErrorCategory.Permission => "Not allowed to join",
        JoinErrorCategory.SignInRequired => "Sign-in or registration required",
        JoinErrorCategory.Host => "Host problem",
        JoinErrorCategory.SdkVersion => "Meeting SDK too old",
        JoinErrorCategory.Configuration => "Portal configuration",
        JoinErrorCategory.Unknown => "Unknown error",
        _ => category.ToString(),
    };
}
