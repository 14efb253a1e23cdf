namespace ZoomPortal.Zoom;

/// <summary>Zoom's REST API and its Server-to-Server OAuth app. Bound from <c>Zoom:Api</c>.</summary>
public sealed class ZoomApiOptions
{
    public Uri BaseUrl { get; set; } = new("https://api.zoom.us/v2/");

    public Uri OAuthUrl { get; set; } = new("https://zoom.us/");

    /// <summary>Account id of the Server-to-Server OAuth app. Required in Live mode.</summary>
    public string? AccountId { get; set; }

    /// <summary>Client id of the Server-to-Server OAuth app. Required in Live mode.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret of the Server-to-Server OAuth app: user-secrets or an environment variable, never appsettings.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Limit for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for a call including its retries and their waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 5xx, a timeout or a 429 (which waits for its Retry-After).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; it grows exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool HasCredentials =>
        !string.IsNullOrWhiteSpace(AccountId) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);
}
