using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Data;

/// <summary>Which database the portal uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file, relative to the content root unless absolute.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Database:SqlitePath must name a file.")]
    public string SqlitePath { get; set; } = "data/zoomportal.db";

    /// <summary>PostgreSQL connection string; read from <c>ConnectionStrings:Portal</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Apply migrations at start-up. Defaults to on in Development only.</summary>
    public bool? MigrateAtStartup { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult("Database:Provider must be Sqlite or Postgres.", [nameof(Provider)]);
        }

        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            yield return new ValidationResult(
                "ConnectionStrings:Portal is required when Database:Provider is Postgres.",
                [nameof(PostgresConnectionString)]);
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
