using ZoomPortal.Features.Join.Attempts;

namespace ZoomPortal.Features.Admin;

/// <summary>One page of the log, newest first; <see cref="NextBefore"/> is the keyset cursor of the next (older) page.</summary>
public sealed record JoinAttemptPage(IReadOnlyList<JoinAttempt> Rows, long? NextBefore);
