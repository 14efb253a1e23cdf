using System.Globalization;
using System.Text.Json.Serialization;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Join;

/// <summary>
/// What the SDK's <c>join</c> needs for one attempt. Holds credentials (signature, passcode, ZAK):
/// it goes to the user's own browser only, and <see cref="ToString"/> leaves them out.
/// </summary>
public sealed record JoinTicket(
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("meetingNumber")] string MeetingNumber,
    [property: JsonPropertyName("userName")] string UserName,
    [property: JsonPropertyName("userEmail")] string UserEmail,
    [property: JsonPropertyName("customerKey")] string CustomerKey,
    [property: JsonPropertyName("passcode")] string Passcode,
    [property: JsonPropertyName("zak")] string? Zak,
    [property: JsonPropertyName("role")] int Role,
    [property: JsonPropertyName("attemptNumber")] int AttemptNumber,
    [property: JsonPropertyName("issuedAt")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("zoomClockOffsetMs")] long ZoomClockOffsetMs,
    [property: JsonPropertyName("zoomClockUncertaintyMs")] long ZoomClockUncertaintyMs,
    [property: JsonPropertyName("window")] SignatureWindowKind Window = SignatureWindowKind.Measured)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"JoinTicket {{ MeetingNumber = {MeetingNumber}, Role = {Role}, AttemptNumber = {AttemptNumber}, CustomerKey = {CustomerKey}, HasPasscode = {Passcode.Length > 0}, HasZak = {Zak is not null}, IssuedAt = {IssuedAt:O}, ExpiresAt = {ExpiresAt:O}, ZoomClockOffsetMs = {ZoomClockOffsetMs} ± {ZoomClockUncertaintyMs}, Window = {Window} }}");
}
