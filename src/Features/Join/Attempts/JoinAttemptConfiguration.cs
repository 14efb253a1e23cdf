using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZoomPortal.Features.Join.Attempts;

internal sealed class JoinAttemptConfiguration : IEntityTypeConfiguration<JoinAttempt>
{
    public void Configure(EntityTypeBuilder<JoinAttempt> builder)
    {
        builder.ToTable("JoinAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.SupportCode).HasMaxLength(16).IsRequired();
        builder.Property(a => a.UserId).HasMaxLength(128).IsRequired();
        builder.Property(a => a.ErrorMessage).HasMaxLength(500);
        builder.Property(a => a.SdkVersion).HasMaxLength(32);
        builder.Property(a => a.SdkView).HasMaxLength(16);
        builder.Property(a => a.Browser).HasMaxLength(64);
        builder.Property(a => a.Devices).HasMaxLength(ZoomPortal.Features.Join.DeviceCheckResult.MaxSummaryLength);
        builder.Property(a => a.OperatingSystem).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.JoinOutcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ErrorCategory).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.SignatureWindow).HasConversion<string>().HasMaxLength(16);

        // The admin log pages newest first by Id (keyset) and filters by these columns.
        builder.HasIndex(a => a.JoinId);
        builder.HasIndex(a => a.SupportCode);
        builder.HasIndex(a => a.StartedAt);
        builder.HasIndex(a => new { a.Outcome, a.Id });
        builder.HasIndex(a => new { a.ErrorCategory, a.Id });
        builder.HasIndex(a => new { a.MeetingId, a.Id });
        builder.HasIndex(a => new { a.UserId, a.Id });
        // Failures in a time range: the admin log's range filter reads only the failures of that range.
        builder.HasIndex(a => new { a.Outcome, a.StartedAt });
    }
}
