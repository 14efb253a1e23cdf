namespace ZoomPortal.Tests.Infrastructure;

/// <summary>The Redis server the tests use, from <c>ZOOMPORTAL_TEST_REDIS</c> (host:port). tests/run.sh starts one and sets it.</summary>
public static class TestRedis
{
    public const string Variable = "ZOOMPORTAL_TEST_REDIS";

    public static string Configuration =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with tests/run.sh, which starts a throwaway Redis server, " +
                $"or set {Variable} to host:port such as '127.0.0.1:56379'.");

    /// <summary>A channel prefix of its own, so tests running at once on the shared server never hear each other.</summary>
    public static string NewChannelPrefix(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
