using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Auth.Sessions;

/// <summary>
/// One sign-in, as the server knows it. The sign-in cookie carries only <see cref="Id"/> (a random 256-bit value);
/// the session ends when the server says so — sign-out, "sign out everywhere", an administrator, or its absolute
/// lifetime — whatever the browser still holds.
/// </summary>
public sealed class PortalSession
{
    public const int IdLength = 43;

    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>The display name at sign-in, so that an administrator can tell whose session it is.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary><c>oidc</c> or <c>development</c>.</summary>
    public string Method { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>Last request or circuit check that found the session active (written at most once a minute).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The absolute end (<c>Authentication:Session:AbsoluteLifetime</c> after sign-in).</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public PortalSessionEnd? EndReason { get; set; }

    public bool IsActiveAt(DateTime utcNow) => EndedAt is null && utcNow < ExpiresAt;
}

/// <summary>Why a session ended before its absolute lifetime.</summary>
public enum PortalSessionEnd
{
    SignedOut = 1,
    SignedOutEverywhere = 2,
    EndedByAdmin = 3,
}

internal sealed class PortalSessionConfiguration : IEntityTypeConfiguration<PortalSession>
{
    public void Configure(EntityTypeBuilder<PortalSession> builder)
    {
        builder.ToTable("PortalSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(PortalSession.IdLength);
        builder.Property(s => s.UserId).HasMaxLength(128).IsRequired();
        builder.Property(s => s.UserName).HasMaxLength(128).IsRequired();
        builder.Property(s => s.Method).HasMaxLength(16).IsRequired();
        builder.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.CreatedAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(s => s.LastSeenAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(s => s.ExpiresAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(s => s.EndedAt).HasConversion(UtcDateTimeConverter.Nullable);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
