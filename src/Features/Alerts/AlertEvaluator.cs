using System.Globalization;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Alerts;

/// <summary>
/// Checks every rule each <c>Alerts:EvaluationInterval</c>: a rule that starts firing opens an incident and notifies once;
/// a rule that stops firing resolves it, so the next time it fires is a new incident with a new notification.
/// </summary>
internal sealed partial class AlertEvaluator(
    IEnumerable<IAlertRule> rules,
    AlertIncidents incidents,
    AlertNotifier notifier,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluator> logger) : BackgroundService
{
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            AlertCheck check;
            try
            {
                check = await rule.CheckAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A rule that cannot look (database down) neither opens nor resolves its incident.
                LogRuleFailed(logger, rule.Id, ex.GetType().Name);
                continue;
            }

            if (!check.Firing)
            {
                if (incidents.Resolve(rule.Id))
                {
                    LogResolved(logger, rule.Id);
                }

                continue;
            }

            if (check.Summary is not { } summary)
            {
                continue;
            }

            var (incident, opened) = incidents.Fire(rule, summary, time.GetUtcNow());
            if (opened)
            {
                // The log is for operators and stays English, like the webhook.
                LogOpened(logger, rule.Id, summary.In(CultureInfo.InvariantCulture));
            }

            if (!incident.Notified && await notifier.NotifyAsync(incident, cancellationToken))
            {
                incidents.MarkNotified(rule.Id);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.EvaluationInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await EvaluateAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident opened ({Rule}): {Summary}")]
    private static partial void LogOpened(ILogger logger, string rule, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident resolved ({Rule})")]
    private static partial void LogResolved(ILogger logger, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {Rule} could not be checked ({Error})")]
    private static partial void LogRuleFailed(ILogger logger, string rule, string error);
}
