using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Alerts;

/// <summary>
/// Open incidents, one per firing rule, kept in memory by this instance (each instance evaluates and notifies on its own).
/// An incident opens when its rule starts firing and resolves when it stops; only opening notifies.
/// </summary>
internal sealed class AlertIncidents
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlertIncident> _open = new(StringComparer.Ordinal);

    public event Action? Changed;

    public IReadOnlyList<AlertIncident> Open
    {
        get
        {
            lock (_lock)
            {
                return [.. _open.Values.OrderBy(i => i.OpenedAt)];
            }
        }
    }

    /// <summary>Opens an incident for the rule (<c>Opened</c> true) or refreshes the open one's summary.</summary>
    public (AlertIncident Incident, bool Opened) Fire(IAlertRule rule, LocalisedText summary, DateTimeOffset now)
    {
        AlertIncident incident;
        bool opened;
        lock (_lock)
        {
            opened = !_open.TryGetValue(rule.Id, out var open);
            incident = open is null
                ? new AlertIncident(rule.Id, rule.Title, summary, now, Notified: false)
                : open with { Summary = summary };
            _open[rule.Id] = incident;
        }

        Changed?.Invoke();
        return (incident, opened);
    }

    public void MarkNotified(string ruleId)
    {
        lock (_lock)
        {
            if (_open.TryGetValue(ruleId, out var open))
            {
                _open[ruleId] = open with { Notified = true };
            }
        }
    }

    /// <summary>Resolves the rule's incident; true when one was open.</summary>
    public bool Resolve(string ruleId)
    {
        bool removed;
        lock (_lock)
        {
            removed = _open.Remove(ruleId);
        }

        if (removed)
        {
            Changed?.Invoke();
        }

        return removed;
    }
}

/// <param name="Title">The rule's title: in the reader's language on the admin pages, in English in the webhook.</param>
/// <param name="Summary">Why it fires, likewise.</param>
/// <param name="Notified">Whether the notification for this incident was delivered (it is sent at most once).</param>
internal sealed record AlertIncident(string RuleId, LocalisedText Title, LocalisedText Summary, DateTimeOffset OpenedAt, bool Notified);
