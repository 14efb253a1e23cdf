using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Join;

/// <summary>What the user types on the join page.</summary>
public sealed class JoinForm
{
    [Required(ErrorMessage = "Enter the name others will see in the meeting.")]
    [StringLength(JoinIdentity.MaxDisplayNameLength, MinimumLength = 1, ErrorMessage = "Your name must be 1 to 64 characters.")]
    [DisplayNameCharacters]
    public string DisplayName { get; set; } = string.Empty;

    [StringLength(JoinIdentity.MaxPasscodeLength, ErrorMessage = "A Zoom passcode has at most 32 characters.")]
    public string? Passcode { get; set; }
}
