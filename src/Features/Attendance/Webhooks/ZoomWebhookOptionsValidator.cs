using Microsoft.Extensions.Options;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>Checks <c>Zoom:Webhooks</c> at start-up; each message names the key and never the secret.</summary>
internal sealed class ZoomWebhookOptionsValidator(IOptions<ZoomOptions> zoom) : IValidateOptions<ZoomWebhookOptions>
{
    /// <summary>Zoom's secret tokens are 22 characters; anything shorter is a typo or a placeholder.</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, ZoomWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && zoom.Value.Mode == ZoomMode.Live &&
            (string.IsNullOrWhiteSpace(options.SecretToken) || options.SecretToken.Trim().Length < MinSecretLength))
        {
            failures.Add($"Zoom:Webhooks:SecretToken is required (at least {MinSecretLength} characters) when Zoom:Webhooks:Enabled is true in Live mode: copy the Secret Token from your app's Event Subscriptions page into an environment variable (Zoom__Webhooks__SecretToken) or user-secrets.");
        }

        if (options.TimestampTolerance < TimeSpan.FromSeconds(10) || options.TimestampTolerance > TimeSpan.FromHours(1))
        {
            failures.Add("Zoom:Webhooks:TimestampTolerance must be between 00:00:10 and 01:00:00.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add("Zoom:Webhooks:BatchSize must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
