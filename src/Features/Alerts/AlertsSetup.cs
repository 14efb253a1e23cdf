using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ZoomPortal.Features.Alerts;

internal static class AlertsSetup
{
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient(AlertNotifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.TryAddSingleton<IWebhookActivity, NoWebhooks>();
        builder.Services.AddSingleton<IAlertRule, JoinFailureRateRule>();
        builder.Services.AddSingleton<IAlertRule, ClockOffsetRule>();
        builder.Services.AddSingleton<IAlertRule, ZoomApiRule>();
        builder.Services.AddSingleton<IAlertRule, WebhookSilenceRule>();
        builder.Services.AddSingleton<AlertIncidents>();
        builder.Services.AddSingleton<AlertNotifier>();
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertEvaluator>());
        return builder;
    }
}
