namespace ZoomPortal.Zoom;

/// <summary>What the last calls to Zoom did, for the admin page. Never holds a token or a secret.</summary>
internal sealed class ZoomApiHealth
{
    private ZoomApiHealthSnapshot _snapshot = ZoomApiHealthSnapshot.Empty;

    public ZoomApiHealthSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Raised after every change, on the caller's thread, so that open admin pages refresh at once.</summary>
    public event Action? Changed;

    public void RecordSuccess(DateTimeOffset at) => Update(s => s with { LastSuccessAt = at });

    public void RecordFailure(DateTimeOffset at, string reason) => Update(s => s with { LastFailureAt = at, LastFailure = reason });

    public void RecordTokenIssued(DateTimeOffset at, DateTimeOffset expiresAt) =>
        Update(s => s with { TokenIssuedAt = at, TokenExpiresAt = expiresAt, TokensIssued = s.TokensIssued + 1 });

    private void Update(Func<ZoomApiHealthSnapshot, ZoomApiHealthSnapshot> change)
    {
        ZoomApiHealthSnapshot current, next;
        do
        {
            current = Volatile.Read(ref _snapshot);
            next = change(current);
        }
        while (Interlocked.CompareExchange(ref _snapshot, next, current) != current);
        Changed?.Invoke();
    }
}

/// <param name="LastFailure">A message safe to show an administrator (no tokens, secrets or passcodes).</param>
internal sealed record ZoomApiHealthSnapshot(
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastFailure,
    DateTimeOffset? TokenIssuedAt,
    DateTimeOffset? TokenExpiresAt,
    int TokensIssued)
{
    public static readonly ZoomApiHealthSnapshot Empty = new(null, null, null, null, null, 0);

    public TimeSpan? TokenAge(DateTimeOffset now) => now - TokenIssuedAt;
}
