using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Alerts;

/// <summary>Posts an incident as JSON to <c>Alerts:WebhookUrl</c> in the configured format. The URL is a secret: never logged.</summary>
internal sealed partial class AlertNotifier(IHttpClientFactory httpClientFactory, IOptionsMonitor<AlertOptions> options, ILogger<AlertNotifier> logger)
{
    public const string HttpClientName = "Alerts";

    /// <summary>True when delivered (2xx); false when there is nowhere to send it or delivery failed (tried again later).</summary>
    public async Task<bool> NotifyAsync(AlertIncident incident, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.WebhookUrl is not { } url)
        {
            return false;
        }

        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(url, Payload(incident, settings.Format), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRejected(logger, incident.RuleId, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, incident.RuleId, ex.GetType().Name);
        }

        return false;
    }

    /// <summary>
    /// Slack: <c>{"text"}</c>. Teams (Workflows "post to a channel when a webhook request is received"): an Adaptive Card
    /// message. Always in English with invariant numbers, whatever language the evaluating request or page had: a channel's
    /// readers and any rules matching its text expect it stable.
    /// </summary>
    internal static JsonObject Payload(AlertIncident incident, AlertPayloadFormat format)
    {
        var title = $"ZoomPortal: {incident.Title.In(CultureInfo.InvariantCulture)}";
        var summary = incident.Summary.In(CultureInfo.InvariantCulture);
        return format switch
        {
            AlertPayloadFormat.Teams => new JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["content"] = new JsonObject
                    {
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.4",
                        ["body"] = new JsonArray(
                            new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true },
                            new JsonObject { ["type"] = "TextBlock", ["text"] = summary, ["wrap"] = true }),
                    },
                }),
            },
            _ => new JsonObject { ["text"] = $"*{title}*\n{summary}" },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert webhook refused the notification for {Rule} (HTTP {Status}); trying again at the next evaluation")]
    private static partial void LogRejected(ILogger logger, string rule, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert webhook could not be reached for {Rule} ({Error}); trying again at the next evaluation")]
    private static partial void LogUnreachable(ILogger logger, string rule, string error);
}
