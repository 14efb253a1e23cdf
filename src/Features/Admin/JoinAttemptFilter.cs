using System.Globalization;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Admin;

/// <summary>What the join-error log shows; bound from the query string by the CSV export ([AsParameters]).</summary>
public sealed class JoinAttemptFilter
{
    /// <summary>False: failed attempts only. True: every attempt.</summary>
    public bool All { get; set; }

    /// <summary>Inclusive start (UTC).</summary>
    public DateTime? From { get; set; }

    /// <summary>Exclusive end (UTC).</summary>
    public DateTime? To { get; set; }

    public JoinErrorCategory? Category { get; set; }

    public int? Code { get; set; }

    public long? Meeting { get; set; }

    public string? User { get; set; }

    public string? Browser { get; set; }

    public string? SdkVersion { get; set; }

    public string? SdkView { get; set; }

    /// <summary>How the whole join ended after retries.</summary>
    public JoinAttemptOutcome? JoinOutcome { get; set; }

    public string? SupportCode { get; set; }

    public JoinAttemptFilter Copy() => (JoinAttemptFilter)MemberwiseClone();

    /// <summary>The filter as a query string ("?…", or empty), matching what the export endpoint binds.</summary>
    public string ToQueryString()
    {
        var pairs = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("all", All ? "true" : null);
        Add("from", From?.ToString("O", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("O", CultureInfo.InvariantCulture));
        Add("category", Category?.ToString());
        Add("code", Code?.ToString(CultureInfo.InvariantCulture));
        Add("meeting", Meeting?.ToString(CultureInfo.InvariantCulture));
        Add("user", User);
        Add("browser", Browser);
        Add("sdkVersion", SdkVersion);
        Add("sdkView", SdkView);
        Add("joinOutcome", JoinOutcome?.ToString());
        Add("supportCode", SupportCode);
        return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
    }
}
