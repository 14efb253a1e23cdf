using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Join;

/// <summary>What the user types on the join page.</summary>
/// <remarks>The messages are <see cref="JoinIdentity"/>'s, read in the user's language when the form validates.</remarks>
public sealed class JoinForm
{
    [Required(ErrorMessageResourceType = typeof(JoinIdentity), ErrorMessageResourceName = nameof(JoinIdentity.DisplayNameMissingProblem))]
    [StringLength(JoinIdentity.MaxDisplayNameLength, MinimumLength = 1,
        ErrorMessageResourceType = typeof(JoinIdentity), ErrorMessageResourceName = nameof(JoinIdentity.DisplayNameLengthProblem))]
    [DisplayNameCharacters]
    public string DisplayName { get; set; } = string.Empty;

    [StringLength(JoinIdentity.MaxPasscodeLength,
        ErrorMessageResourceType = typeof(JoinIdentity), ErrorMessageResourceName = nameof(JoinIdentity.PasscodeLengthProblem))]
    public string? Passcode { get; set; }
}
