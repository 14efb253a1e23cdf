using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Alerts;

/// <summary>
/// The alert rules and where their notifications go. Bound from the <c>Alerts</c> section; each rule can be switched off.
/// </summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>Incoming-webhook URL that receives a JSON message when an incident opens; none: incidents only show on /admin/health. Secret.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary><c>Slack</c> (<c>{"text": …}</c>) or <c>Teams</c> (an Adaptive Card message for a Teams Workflows webhook).</summary>
    public AlertPayloadFormat Format { get; set; } = AlertPayloadFormat.Slack;

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Alerts:EvaluationInterval must be between 00:00:05 and 01:00:00.")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Share of joins (after retries) that failed in <see cref="JoinFailureWindow"/> that opens an incident; 0 switches the rule off.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Alerts:JoinFailureRate must be between 0 (off) and 1.")]
    public double JoinFailureRate { get; set; } = 0.2;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Alerts:JoinFailureWindow must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan JoinFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Fewer finished joins than this in the window never open an incident (one failure of one join is not a trend).</summary>
    [Range(1, 100_000, ErrorMessage = "Alerts:JoinFailureMinJoins must be between 1 and 100000.")]
    public int JoinFailureMinJoins { get; set; } = 5;

    /// <summary>An incident while Zoom's clock is off by more than <c>Admin:ClockOffsetWarning</c>.</summary>
    public bool ClockOffset { get; set; } = true;

    /// <summary>An incident while the last Zoom API call failed, or none succeeded for <c>Admin:ApiFailureWarning</c>.</summary>
    public bool ZoomApi { get; set; } = true;

    /// <summary>An incident when meetings are running and no Zoom webhook arrived for this long; empty: off.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Alerts:WebhookSilence must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan? WebhookSilence { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookUrl is not null && (!WebhookUrl.IsAbsoluteUri || WebhookUrl.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("Alerts:WebhookUrl must be an absolute http(s) URL.", [nameof(WebhookUrl)]);
        }

        if (!Enum.IsDefined(Format))
        {
            yield return new ValidationResult("Alerts:Format must be Slack or Teams.", [nameof(Format)]);
        }
    }
}

public enum AlertPayloadFormat
{
    Slack,
    Teams,
}
