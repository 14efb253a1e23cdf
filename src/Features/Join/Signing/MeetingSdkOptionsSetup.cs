using System.Text;
using Microsoft.Extensions.Options;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// Fills in the sandbox credentials in Sandbox mode, then checks the rules that span keys. The mode is the effective
/// one <see cref="ZoomOptions"/> holds, so the signer and the Zoom client never disagree about it.
/// </summary>
internal sealed class MeetingSdkOptionsSetup(IOptions<ZoomOptions> zoom)
    : IPostConfigureOptions<MeetingSdkOptions>, IValidateOptions<MeetingSdkOptions>
{
    // HS256 keys shorter than this are refused by Microsoft.IdentityModel when signing; say so at start-up instead.
    internal const int MinimumSecretBytes = 32;

    public void PostConfigure(string? name, MeetingSdkOptions options)
    {
        if (zoom.Value.Mode != ZoomMode.Sandbox)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            options.ClientId = SandboxSdkCredentials.ClientId;
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            options.ClientSecret = SandboxSdkCredentials.ClientSecret;
        }
    }

    public ValidateOptionsResult Validate(string? name, MeetingSdkOptions options)
    {
        var sandbox = zoom.Value.Mode == ZoomMode.Sandbox;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Zoom:MeetingSdk:ClientId is required when Zoom:Mode is Live: set it to the Meeting SDK app's Client ID (SDK key).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Zoom:MeetingSdk:ClientSecret is required when Zoom:Mode is Live: set it through user-secrets or the environment variable Zoom__MeetingSdk__ClientSecret.");
        }
        else if (!sandbox && options.ClientSecret == SandboxSdkCredentials.ClientSecret)
        {
            failures.Add("Zoom:MeetingSdk:ClientSecret is the sandbox placeholder; set the Meeting SDK app's real secret when Zoom:Mode is Live.");
        }
        else if (Encoding.UTF8.GetByteCount(options.ClientSecret) < MinimumSecretBytes)
        {
            failures.Add($"Zoom:MeetingSdk:ClientSecret is shorter than {MinimumSecretBytes} bytes, too short for an HS256 key; check that the whole secret was copied.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
