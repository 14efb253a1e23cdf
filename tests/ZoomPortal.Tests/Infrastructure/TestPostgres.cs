namespace ZoomPortal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, from <c>ZOOMPORTAL_TEST_POSTGRES</c> (a connection string to a database whose
/// user may create databases). tests/run.sh starts a throwaway server and sets it.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "ZOOMPORTAL_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with tests/run.sh, which starts a throwaway PostgreSQL server, " +
                $"or set {Variable} to a connection string such as 'Host=127.0.0.1;Port=55432;Username=postgres'.");

    /// <summary>A connection string to a fresh, uniquely named database (created on first use by EF's migrate).</summary>
    public static string NewDatabase(string prefix)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}",
        };
        return builder.ConnectionString;
    }
}
