using System.Security.Cryptography;
using System.Text;

namespace ZoomPortal.Features.Admin;

/// <summary>
/// Replaces user ids with HMAC-SHA256(key, id): not reversible without the key, the same id gives the same
/// pseudonym with the same key. Made per export.
/// </summary>
public sealed class ExportPseudonymiser
{
    private readonly byte[] _key;

    public ExportPseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 32);
        _key = key;
    }

    /// <summary>Keyed by the configured secret when there is one; otherwise by a random key that dies with the export.</summary>
    public static ExportPseudonymiser ForExport(string? configuredKey) =>
        new(string.IsNullOrEmpty(configuredKey) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey)));

    public string Pseudonymise(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId));
        return "u-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
