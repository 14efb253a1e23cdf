using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Meetings;

/// <summary>What the visibility editor submits: everyone signed in, or named groups (comma- or line-separated).</summary>
public sealed class VisibilityForm
{
    public const int MaxGroups = 20;

    // Validated in the editor's circuit, so the messages come in that user's language.
    private static StaticText L => StaticText.Instance;

    public MeetingVisibility Visibility { get; set; } = MeetingVisibility.AllSignedIn;

    public string? GroupsText { get; set; }

    public static VisibilityForm From(MeetingSummary meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new() { Visibility = meeting.Visibility, GroupsText = string.Join(", ", meeting.Groups) };
    }

    /// <summary>Checks the input and gives the distinct group names to store (none when shared with everyone).</summary>
    public IReadOnlyList<string> Validate(out IReadOnlyList<string> groups)
    {
        var errors = new List<string>();
        groups = [];
        if (!Enum.IsDefined(Visibility))
        {
            errors.Add(L["Visibility.ChooseWho"]);
            return errors;
        }

        if (Visibility == MeetingVisibility.AllSignedIn)
        {
            return errors;
        }

        var names = (GroupsText ?? string.Empty)
            .Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            errors.Add(L["Visibility.NameAGroup"]);
        }
        else if (names.Count > MaxGroups)
        {
            errors.Add(L["Visibility.TooManyGroups", MaxGroups]);
        }

        var bad = names.FirstOrDefault(n => n.Length > MeetingGroup.MaxNameLength || n.Any(char.IsControl));
        if (bad is not null)
        {
            errors.Add(L["Visibility.BadGroupName", MeetingGroup.MaxNameLength]);
        }

        if (errors.Count == 0)
        {
            groups = names;
        }

        return errors;
    }
}
