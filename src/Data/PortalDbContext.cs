using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Attendance.Webhooks;
using ZoomPortal.Features.Auth.Sessions;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Data;

/// <summary>
/// The portal's database. Each provider has its own subclass so that each keeps its own migrations:
/// <code>
/// dotnet ef migrations add NAME --context SqlitePortalDbContext --output-dir src/Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --context PostgresPortalDbContext --output-dir src/Data/Migrations/Postgres
/// </code>
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingOccurrence> MeetingOccurrences => Set<MeetingOccurrence>();

    public DbSet<MeetingGroup> MeetingGroups => Set<MeetingGroup>();

    public DbSet<JoinAttempt> JoinAttempts => Set<JoinAttempt>();

    public DbSet<SignatureIssuanceRecord> SignatureIssuances => Set<SignatureIssuanceRecord>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<AttendanceSession> AttendanceSessions => Set<AttendanceSession>();

    public DbSet<AttendanceEvent> AttendanceEvents => Set<AttendanceEvent>();

    public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly, t => !t.IsAbstract);
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
