using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Uuid).HasMaxLength(128);
        builder.Property(m => m.HostZoomUserId).HasMaxLength(64);
        builder.Property(m => m.HostEmail).HasMaxLength(320);
        builder.Property(m => m.HostEmailNormalized).HasMaxLength(320);
        builder.Property(m => m.HostName).HasMaxLength(256);
        builder.Property(m => m.Topic).HasMaxLength(512);
        builder.Property(m => m.Agenda).HasMaxLength(4000);
        builder.Property(m => m.TimeZone).HasMaxLength(64);
        builder.Property(m => m.ZoomStatus).HasMaxLength(32);
        builder.Property(m => m.ProtectedPasscode).HasMaxLength(1024);
        builder.Property(m => m.StartTimeUtc).HasConversion(UtcDateTimeConverter.Nullable);
        builder.Property(m => m.LastSyncedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(m => m.RemovedUtc).HasConversion(UtcDateTimeConverter.Nullable);
        builder.HasIndex(m => m.HostEmailNormalized);
        builder.HasIndex(m => m.HostZoomUserId);
        builder.HasMany(m => m.Occurrences).WithOne().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Groups).WithOne().HasForeignKey(g => g.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingOccurrenceConfiguration : IEntityTypeConfiguration<MeetingOccurrence>
{
    public void Configure(EntityTypeBuilder<MeetingOccurrence> builder)
    {
        builder.ToTable("MeetingOccurrences");
        builder.HasKey(o => new { o.MeetingId, o.OccurrenceId });
        builder.Property(o => o.OccurrenceId).HasMaxLength(64);
        builder.Property(o => o.Status).HasMaxLength(32);
        builder.Property(o => o.StartTimeUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}

internal sealed class MeetingGroupConfiguration : IEntityTypeConfiguration<MeetingGroup>
{
    public void Configure(EntityTypeBuilder<MeetingGroup> builder)
    {
        builder.ToTable("MeetingGroups");
        builder.HasKey(g => new { g.MeetingId, g.Name });
        builder.Property(g => g.Name).HasMaxLength(MeetingGroup.MaxNameLength);
        builder.HasIndex(g => g.Name);
    }
}
