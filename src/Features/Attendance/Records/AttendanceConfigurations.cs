using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoomPortal.Data;
using ZoomPortal.Features.Attendance.Webhooks;

namespace ZoomPortal.Features.Attendance.Records;

internal sealed class AttendanceSessionConfiguration : IEntityTypeConfiguration<AttendanceSession>
{
    public void Configure(EntityTypeBuilder<AttendanceSession> builder)
    {
        builder.ToTable("AttendanceSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ZoomUuid).HasMaxLength(128);
        builder.Property(s => s.StartedAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(s => s.EndedAt).HasConversion(UtcDateTimeConverter.Nullable);
        builder.HasIndex(s => s.ZoomUuid).IsUnique();
        builder.HasIndex(s => new { s.MeetingId, s.StartedAt });
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceEventConfiguration : IEntityTypeConfiguration<AttendanceEvent>
{
    public void Configure(EntityTypeBuilder<AttendanceEvent> builder)
    {
        builder.ToTable("AttendanceEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.CustomerKey).HasMaxLength(36);
        builder.Property(e => e.Email).HasMaxLength(320);
        builder.Property(e => e.ZoomUserId).HasMaxLength(64);
        builder.Property(e => e.ParticipantUuid).HasMaxLength(128);
        builder.Property(e => e.DisplayName).HasMaxLength(128);
        builder.Property(e => e.ReportedBy).HasMaxLength(128);
        builder.Property(e => e.OccurredAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(e => e.ReceivedAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();
        builder.HasIndex(e => new { e.SessionId, e.OccurredAt });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.BodyHash).HasMaxLength(64);
        builder.Property(d => d.Event).HasMaxLength(100);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.ReceivedAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(d => d.ProcessedAt).HasConversion(UtcDateTimeConverter.Nullable);
        builder.Property(d => d.ClaimedUntil).HasConversion(UtcDateTimeConverter.Nullable);
        builder.HasIndex(d => d.BodyHash).IsUnique();
        builder.HasIndex(d => new { d.ProcessedAt, d.Id });
    }
}
