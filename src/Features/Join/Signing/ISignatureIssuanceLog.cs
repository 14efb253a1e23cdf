namespace ZoomPortal.Features.Join.Signing;

/// <summary>Where issued signatures are recorded (audit and attempt counting). Implemented by the join feature.</summary>
public interface ISignatureIssuanceLog
{
    Task RecordAsync(SignatureIssuance issuance, CancellationToken cancellationToken);
}
