namespace ZoomPortal.Features.Join;

/// <summary>A display name as shown in the meeting, or the problem to tell the user (exactly one is set).</summary>
public readonly record struct DisplayNameCheck(string? Name, string? Problem)
{
    public static DisplayNameCheck Accepted(string name) => new(name, null);

    public static DisplayNameCheck Refused(string problem) => new(null, problem);
}
