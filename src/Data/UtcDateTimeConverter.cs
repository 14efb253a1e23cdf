using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ZoomPortal.Data;

/// <summary>
/// Stores <see cref="DateTime"/> values as UTC and reads them back with <see cref="DateTimeKind.Utc"/>.
/// SQLite keeps no kind, and PostgreSQL's <c>timestamptz</c> accepts only UTC; DateTimeOffset cannot be ordered in SQLite.
/// </summary>
internal static class UtcDateTimeConverter
{
    public static readonly ValueConverter<DateTime, DateTime> Instance = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static readonly ValueConverter<DateTime?, DateTime?> Nullable = new(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v.Value : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
