using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ZoomPortal.Features.Meetings;

/// <summary>Meeting passcodes as the catalog stores them: encrypted with Data Protection, read back only to join.</summary>
internal sealed class MeetingPasscodes(IDataProtectionProvider protection)
{
    public const string Purpose = "ZoomPortal.Meetings.Passcode";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string? Protect(string? passcode) => passcode is null ? null : _protector.Protect(passcode);

    /// <summary>The plain passcode; null when none is stored or the key ring lost its key (then the user is asked).</summary>
    public string? Unprotect(string? protectedPasscode)
    {
        if (protectedPasscode is null)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedPasscode);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
