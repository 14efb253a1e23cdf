namespace ZoomPortal.Features.ScaleOut;

/// <summary>The Redis server that carries SignalR messages between instances. Bound from <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port,password=…</c>). Empty: one instance, no backplane.
    /// Secret when it holds a password.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every SignalR channel, so several apps (or environments) can share one Redis server.</summary>
    public string ChannelPrefix { get; set; } = "ZoomPortal";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
