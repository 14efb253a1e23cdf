using System.Globalization;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// The signature's <c>role</c> claim: 0 joins as a participant, 1 starts the meeting as its host (with a ZAK).
/// A value type so that no other number can reach a signature.
/// </summary>
public readonly record struct ZoomRole
{
    public static readonly ZoomRole Attendee = new(0);

    public static readonly ZoomRole Host = new(1);

    private ZoomRole(int value) => Value = value;

    /// <summary>The number Zoom reads: 0 or 1.</summary>
    public int Value { get; }

    public bool IsHost => Value == 1;

    /// <summary>The role of a join (participant) or a start (host).</summary>
    public static ZoomRole For(JoinKind kind) => kind == JoinKind.Start ? Host : Attendee;

    /// <summary>Reads a stored role; anything but 0 or 1 is refused.</summary>
    public static ZoomRole FromValue(int value) => value switch
    {
        0 => Attendee,
        1 => Host,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "The role is 0 (participant) or 1 (host)."),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(IsHost ? "Host" : "Attendee")} ({Value})");
}
