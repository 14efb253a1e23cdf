namespace ZoomPortal.Features.Meetings;

public sealed record VisibilityChangeResult(VisibilityChangeOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static readonly VisibilityChangeResult Saved = new(VisibilityChangeOutcome.Saved, []);
    public static readonly VisibilityChangeResult NotFound = new(VisibilityChangeOutcome.NotFound, []);
    public static readonly VisibilityChangeResult Forbidden = new(VisibilityChangeOutcome.Forbidden, []);

    public static VisibilityChangeResult Invalid(IReadOnlyList<string> errors) => new(VisibilityChangeOutcome.Invalid, errors);
}

public enum VisibilityChangeOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,
}
