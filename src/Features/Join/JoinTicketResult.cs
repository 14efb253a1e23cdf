using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Join;

/// <summary>A ticket, or why none was issued.</summary>
public sealed record JoinTicketResult(JoinTicket? Ticket, SignatureRefusal Refusal, string? Problem = null)
{
    public static JoinTicketResult Refused(SignatureRefusal refusal) => new(null, refusal);

    public static JoinTicketResult Failed(string problem) => new(null, SignatureRefusal.None, problem);
}
