using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZoomPortal.Features.Join.Attempts;

internal sealed class SignatureIssuanceRecordConfiguration : IEntityTypeConfiguration<SignatureIssuanceRecord>
{
    public void Configure(EntityTypeBuilder<SignatureIssuanceRecord> builder)
    {
        builder.ToTable("SignatureIssuances");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserId).HasMaxLength(128).IsRequired();
        builder.HasIndex(s => s.CreatedAt);
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
    }
}
