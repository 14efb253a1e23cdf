using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZoomPortal.Features.Attendance;
using SignalRRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace ZoomPortal.Features.ScaleOut;

/// <summary>
/// Several instances behind a load balancer: PostgreSQL holds the state and the Data Protection keys; with
/// <c>Redis:Configuration</c> set, SignalR's Redis backplane carries hub groups (the live rosters) between instances.
/// </summary>
internal static partial class ScaleOutSetup
{
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateOnStart();

        // Whether a backplane exists at all decides the registrations, so it is read once here; the options above validate it.
        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (!redis.Enabled)
        {
            return builder;
        }

        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<SignalRRedisOptions>()
            .Configure<IOptions<RedisOptions>, RosterResync, ILoggerFactory>((signalR, options, resync, loggers) =>
            {
                var logger = loggers.CreateLogger(typeof(ScaleOutSetup).FullName!);
                var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
                // Keep trying when Redis is down at start-up instead of failing the first hub connection for good.
                configuration.AbortOnConnectFail = false;
                // While Redis is away a roster hint fails at once (the event is stored; rosters resync later) instead of
                // holding the reporter's acknowledgement for the 5 s command timeout.
                configuration.BacklogPolicy = BacklogPolicy.FailFast;
                configuration.ChannelPrefix = RedisChannel.Literal(options.Value.ChannelPrefix);
                signalR.Configuration = configuration;
                signalR.ConnectionFactory = async writer =>
                {
                    var connection = await ConnectionMultiplexer.ConnectAsync(configuration, writer);
                    connection.ConnectionFailed += (_, e) => LogConnectionFailed(logger, e.ConnectionType, e.FailureType);
                    connection.ConnectionRestored += (_, e) =>
                    {
                        LogConnectionRestored(logger, e.ConnectionType);
                        if (e.ConnectionType == ConnectionType.Subscription)
                        {
                            // Messages published while Redis was away are gone (the backplane is not a queue): rosters reread the database.
                            resync.RequestWithFollowUp();
                        }
                    };
                    return connection;
                };
            });
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis backplane connection lost ({ConnectionType}, {FailureType}): live rosters on other instances miss hints until it is back")]
    private static partial void LogConnectionFailed(ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis backplane connection restored ({ConnectionType}); live rosters resync from the database")]
    private static partial void LogConnectionRestored(ILogger logger, ConnectionType connectionType);
}
