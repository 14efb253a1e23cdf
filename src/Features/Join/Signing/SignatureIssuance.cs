namespace ZoomPortal.Features.Join.Signing;

/// <summary>A record that a signature was issued: who, for what, valid when. Never the token itself.</summary>
public sealed record SignatureIssuance(string UserId, long MeetingNumber, int Role, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public static SignatureIssuance For(string userId, MeetingSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new(userId, signature.MeetingNumber, signature.Role, signature.IssuedAt, signature.ExpiresAt);
    }
}
