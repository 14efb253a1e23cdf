using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Zoom;

internal static class ZoomSetup
{
    public static WebApplicationBuilder AddZoom(this WebApplicationBuilder builder)
    {
        // Whether the sandbox exists at all is a start-up decision; the options validator checks the rest.
        var configured = builder.Configuration.GetSection(ZoomOptions.SectionName).Get<ZoomOptions>() ?? new ZoomOptions();
        var mode = EffectiveMode(builder.Configuration.GetValue<ZoomMode?>("Zoom:Mode"), configured.Api.HasCredentials, builder.Environment.IsDevelopment());

        builder.Services.AddSingleton<IValidateOptions<ZoomOptions>, ZoomOptionsValidator>();
        builder.Services.AddOptions<ZoomOptions>()
            .BindConfiguration(ZoomOptions.SectionName)
            .PostConfigure(options =>
            {
                options.Mode = mode;
                if (mode == ZoomMode.Sandbox)
                {
                    // The sandbox only knows its own well-known credentials; real ones never go to it.
                    options.Api.AccountId = ZoomSandboxAccount.AccountId;
                    options.Api.ClientId = ZoomSandboxAccount.ClientId;
                    options.Api.ClientSecret = ZoomSandboxAccount.ClientSecret;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        if (mode == ZoomMode.Sandbox)
        {
            builder.Services.AddZoomSandbox();
        }

        builder.Services.AddZoomClient();
        return builder;
    }

    /// <summary>Sandbox in Development when nothing says otherwise and no API credentials are set; Live elsewhere.</summary>
    public static ZoomMode EffectiveMode(ZoomMode? configured, bool hasCredentials, bool isDevelopment) =>
        configured ?? (isDevelopment && !hasCredentials ? ZoomMode.Sandbox : ZoomMode.Live);

    /// <summary>The Zoom client, its token provider, health record and clock. Options must be registered already.</summary>
    public static IServiceCollection AddZoomClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IZoomEndpoints, ConfiguredZoomEndpoints>();
        services.TryAddSingleton<ZoomApiHealth>();
        services.TryAddSingleton<ZoomAccessTokenProvider>();
        services.TryAddSingleton<ZoomClock>();
        services.AddSingleton<IZoomClock>(sp => sp.GetRequiredService<ZoomClock>());
        services.AddHostedService<ZoomClockRefresher>();

        services.AddHttpClient<IZoomApi, ZoomApiClient>(ConfigureTimeout).AddResilienceHandler("zoom-api", ConfigureResilience);
        services.AddHttpClient(ZoomAccessTokenProvider.HttpClientName, ConfigureTimeout).AddResilienceHandler("zoom-oauth", ConfigureResilience);

        // The clock times single round trips: no retries, a short limit.
        services.AddHttpClient(ZoomClock.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<ZoomOptions>>().Value.Api.AttemptTimeout);
        return services;
    }

    /// <summary>The sandbox account and the hosted sandbox server, which also tells the client where to call.</summary>
    public static IServiceCollection AddZoomSandbox(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ZoomOptions>>().Value;
            return new ZoomSandboxAccount(sp.GetRequiredService<TimeProvider>().GetUtcNow() + options.Sandbox.ClockSkew);
        });
        services.AddSingleton<ZoomSandboxHost>();
        services.AddHostedService(sp => sp.GetRequiredService<ZoomSandboxHost>());
        services.AddSingleton<IZoomEndpoints>(sp => sp.GetRequiredService<ZoomSandboxHost>());
        return services;
    }

    private static void ConfigureTimeout(IServiceProvider services, HttpClient client)
    {
        // The resilience pipeline owns timeouts; HttpClient's own limit only backs it up.
        var api = services.GetRequiredService<IOptions<ZoomOptions>>().Value.Api;
        client.Timeout = api.TotalTimeout + TimeSpan.FromSeconds(5);
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var api = context.ServiceProvider.GetRequiredService<IOptions<ZoomOptions>>().Value.Api;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ZoomApiClient>();
        pipeline
            .AddTimeout(api.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = api.MaxRetries,
                Delay = api.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Result is { } response
                        ? $"HTTP {(int)response.StatusCode}"
                        : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    logger.Retrying(args.AttemptNumber + 1, args.RetryDelay, outcome);
                    return default;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = api.AttemptTimeout });
    }
}
