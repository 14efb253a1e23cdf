namespace ZoomPortal.Features.Attendance;

/// <summary>
/// Tells this instance's live rosters to reread the database, e.g. after the backplane came back: hints published
/// while it was away are lost, the database is not.
/// </summary>
public sealed class RosterResync(TimeProvider time)
{
    // Redis resubscribes its channels shortly after the connection is back; a second reread catches what fell in between.
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromSeconds(2);

    public event Action? Requested;

    public void Request() => Requested?.Invoke();

    /// <summary>Requests a resync now and once more a little later.</summary>
    public void RequestWithFollowUp()
    {
        Request();
        ITimer? followUp = null;
        followUp = time.CreateTimer(_ =>
        {
            Request();
            followUp?.Dispose();
        }, null, FollowUpDelay, Timeout.InfiniteTimeSpan);
    }
}
