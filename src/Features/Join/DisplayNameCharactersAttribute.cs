using System.ComponentModel.DataAnnotations;

namespace ZoomPortal.Features.Join;

/// <summary>The form's half of <see cref="JoinIdentity.CheckDisplayName"/>: the same rule, the same message, before the join starts.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DisplayNameCharactersAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        // Empty and too long have their own attributes and messages on the form.
        if (value is not string { Length: > 0 and <= JoinIdentity.MaxDisplayNameLength } name || string.IsNullOrWhiteSpace(name))
        {
            return ValidationResult.Success;
        }

        return JoinIdentity.CheckDisplayName(name).Problem is { } problem
            ? new ValidationResult(problem, validationContext is null ? null : [validationContext.MemberName ?? nameof(JoinForm.DisplayName)])
            : ValidationResult.Success;
    }
}
