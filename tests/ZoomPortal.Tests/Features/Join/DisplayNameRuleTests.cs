using System.ComponentModel.DataAnnotations;
using ZoomPortal.Features.Join;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>Finding 7 of issue 10: a display name can't impersonate with invisible, control or made-up characters.</summary>
public sealed class DisplayNameRuleTests
{
    public static TheoryData<string?, string?, string?> Names => new()
    {
        // input, accepted name (null: refused), the message (null: accepted)
        { "  Ada Lovelace  ", "Ada Lovelace", null },
        { "José Ñúñez-O'Brien", "José Ñúñez-O'Brien", null },
        { "Jose\u0301", "Jose\u0301", null },
        { "李小龙", "李小龙", null },
        { "محمد علي", "محمد علي", null },
        { "Dr. Ada (Team 2), \"QA\"", "Dr. Ada (Team 2), \"QA\"", null },
        { "𝒜da", "𝒜da", null },
        { "", null, "Enter the name others will see in the meeting." },
        { "   ", null, "Enter the name others will see in the meeting." },
        { null, null, "Enter the name others will see in the meeting." },
        { "Alice\u202Etsoh.xela", null, "Your name contains an invisible formatting character (U+202E)." },
        { "Al\u200Bice", null, "Your name contains an invisible formatting character (U+200B)." },
        { "Al\u200Dice", null, "Your name contains an invisible formatting character (U+200D)." },
        { "\uFEFFAlice", null, "Your name contains an invisible formatting character (U+FEFF)." },
        { "Ali\u0007ce", null, "Your name contains a control character (U+0007)." },
        { "Ali\nce", null, "Your name contains a control character (U+000A)." },
        { "Ali\uE000ce", null, "Your name contains a private-use character (U+E000)." },
        { "Ali\U000F0000ce", null, "Your name contains a private-use character (U+F0000)." },
        { "Ali\u0378ce", null, "Your name contains a character that is not assigned in Unicode (U+0378)." },
        { "<script>", null, "Your name can only have letters, digits, spaces and punctuation; '<' (U+003C) is a symbol." },
        { "Ada\u2028Lovelace", null, "Your name contains a line or paragraph separator (U+2028)." },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Display_names_allow_letters_marks_digits_spaces_and_punctuation_and_say_what_is_wrong(string? input, string? accepted, string? problem)
    {
        var check = JoinIdentity.CheckDisplayName(input);

        Assert.Equal((accepted, problem), (check.Name, check.Problem));
        Assert.Equal(accepted, JoinIdentity.NormalizeDisplayName(input));
    }

    [Fact]
    public void A_lone_surrogate_is_a_broken_character()
    {
        // Not theory data: xUnit's serialization of the case would replace the surrogate with U+FFFD.
        Assert.Equal("Your name contains a broken character (U+D800).", JoinIdentity.CheckDisplayName("Ali\uD800ce").Problem);
    }

    [Fact]
    public void Length_is_checked_before_anything_else()
    {
        Assert.Equal("Your name must be 1 to 64 characters.", JoinIdentity.CheckDisplayName(new string('a', 65)).Problem);
        Assert.Equal("Your name must be 1 to 64 characters.", JoinIdentity.CheckDisplayName(new string('\u202E', 20_000)).Problem);
        Assert.Equal(new string('a', 64), JoinIdentity.CheckDisplayName(new string('a', 64)).Name);
    }

    [Fact]
    public void The_join_form_gives_the_same_message_for_the_character_class()
    {
        var form = new JoinForm { DisplayName = "Alice\u202Etsoh.xela" };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true));
        Assert.Equal("Your name contains an invisible formatting character (U+202E).", Assert.Single(results).ErrorMessage);
    }
}
