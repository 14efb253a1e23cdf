namespace ZoomPortal.Features.Join.Attempts;

/// <summary>Who was given a signature for which meeting and role, valid when (never the token itself).</summary>
public sealed class SignatureIssuanceRecord
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public string UserId { get; set; } = string.Empty;

    public long MeetingId { get; set; }

    public int Role { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The join this signature was issued for, when known.</summary>
    public Guid? JoinId { get; set; }
}
