namespace ZoomPortal.Zoom.Sandbox;

/// <summary>Answer the next <see cref="Count"/> matching requests with <see cref="Status"/> (429, 500, 503…).</summary>
public sealed class ZoomSandboxFault
{
    public int Status { get; set; } = 503;

    public int Count { get; set; } = 1;

    /// <summary>Sent as <c>Retry-After</c> (whole seconds); Zoom sends it with 429.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Only requests whose path starts with this (default <c>/v2/</c>, the REST API; <c>/oauth/</c> for tokens).</summary>
    public string PathPrefix { get; set; } = "/v2/";
}
