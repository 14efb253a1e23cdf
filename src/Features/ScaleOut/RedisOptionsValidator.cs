using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ZoomPortal.Features.ScaleOut;

/// <summary>Checks the backplane settings at start-up; never repeats the configuration string (it may hold a password).</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        try
        {
            if (ConfigurationOptions.Parse(options.Configuration!).EndPoints.Count == 0)
            {
                failures.Add("Redis:Configuration names no server: give host:port, e.g. 'redis:6379' (or leave it empty for a single instance).");
            }
        }
        catch (ArgumentException)
        {
            failures.Add("Redis:Configuration is not a StackExchange.Redis configuration string: use 'host:port' with options such as ',password=…,ssl=true'.");
        }

        if (string.IsNullOrWhiteSpace(options.ChannelPrefix) || options.ChannelPrefix.Length > 64)
        {
            failures.Add("Redis:ChannelPrefix must be 1 to 64 characters (it keeps this portal's channels apart on a shared Redis server).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
