using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZoomPortal.Features.Localisation;

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

    /// <summary>
    /// The name shown to others in the meeting: letters, marks, digits, spaces and punctuation, 1–64 characters. Control,
    /// invisible formatting (bidi overrides, zero-width), private-use, unassigned characters and symbols are refused with
    /// a message that names the character, so nobody can look like someone else.
    /// </summary>
    public static DisplayNameCheck CheckDisplayName(string? name)
    {
        // Length first: a 20 KB name costs nothing more than a 65-character one.
        if (name is { Length: > MaxDisplayNameLength } && name.AsSpan().Trim().Length > MaxDisplayNameLength)
        {
            return DisplayNameCheck.Refused(DisplayNameLengthProblem);
        }

        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return DisplayNameCheck.Refused(DisplayNameMissingProblem);
        }

        for (var i = 0; i < trimmed.Length;)
        {
            if (Rune.DecodeFromUtf16(trimmed.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                return DisplayNameCheck.Refused(L["Join.Name.Broken", CodePoint(trimmed[i])]);
            }

            if (DisplayNameProblem(rune) is { } problem)
            {
                return DisplayNameCheck.Refused(problem);
            }

            i += used;
        }

        return DisplayNameCheck.Accepted(trimmed);
    }

    /// <summary>The name shown in the meeting, or null when <see cref="CheckDisplayName"/> refuses it.</summary>
    public static string? NormalizeDisplayName(string? name) => CheckDisplayName(name).Name;

    // Properties, not constants: read in the current UI culture, also by the join form's validation attributes.
    internal static string DisplayNameMissingProblem => L["Join.Name.Missing"];

    internal static string DisplayNameLengthProblem => L["Join.Name.Length", MaxDisplayNameLength];

    internal static string PasscodeLengthProblem => L["Join.PasscodeLength", MaxPasscodeLength];

    private static StaticText L => StaticText.Instance;

    private static string? DisplayNameProblem(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation => null,
        UnicodeCategory.Control => L["Join.Name.Control", CodePoint(rune)],
        UnicodeCategory.Format => L["Join.Name.Format", CodePoint(rune)],
        UnicodeCategory.PrivateUse => L["Join.Name.PrivateUse", CodePoint(rune)],
        UnicodeCategory.OtherNotAssigned => L["Join.Name.Unassigned", CodePoint(rune)],
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => L["Join.Name.Separator", CodePoint(rune)],
        _ => L["Join.Name.Symbol", rune.ToString(), CodePoint(rune)],
    };

    private static string CodePoint(Rune rune) => CodePoint(rune.Value);

    private static string CodePoint(int value) => "U+" + value.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>A passcode typed by the user, or null when Zoom would refuse it anyway (over 32 characters).</summary>
    public static string? NormalizePasscode(string? passcode)
    {
        var trimmed = passcode?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxPasscodeLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
