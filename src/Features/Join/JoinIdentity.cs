using System.Security.Cryptography;
using System.Text;

namespace ZoomPortal.Features.Join;

/// <summary>Support codes, customer keys and display names: the small rules of who joins as what.</summary>
public static class JoinIdentity
{
    public const int MaxDisplayNameLength = 64;
    public const int MaxCustomerKeyLength = 36;
    public const int MaxPasscodeLength = 32;

    // No 0/O, 1/I/L: people read support codes aloud and type them.
    private const string SupportCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewSupportCode() => "ZP-" + RandomNumberGenerator.GetString(SupportCodeAlphabet, 6);

    /// <summary>Zoom's <c>customerKey</c> (≤ 36 chars) ties the participant to the portal user; longer ids are hashed, always the same way.</summary>
    public static string CustomerKey(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return userId.Length <= MaxCustomerKeyLength
            ? userId
            : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..(MaxCustomerKeyLength - 1)];
    }

    /// <summary>The name shown in the meeting, or null when it is not acceptable (1–64 characters, no markup).</summary>
    public static string? NormalizeDisplayName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxDisplayNameLength || trimmed.Any(char.IsControl) || trimmed.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed;
    }

    /// <summary>A passcode typed by the user, or null when Zoom would refuse it anyway (over 32 characters).</summary>
    public static string? NormalizePasscode(string? passcode)
    {
        var trimmed = passcode?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxPasscodeLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
