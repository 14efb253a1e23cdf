using Microsoft.Extensions.Options;

namespace ZoomPortal.Zoom;

internal sealed class ZoomOptionsValidator(IHostEnvironment environment) : IValidateOptions<ZoomOptions>
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, ZoomOptions options)
    {
        var failures = new List<string>();
        ValidateApi(options, failures);
        ValidateClock(options.Clock, failures);
        if (options.Mode == ZoomMode.Sandbox)
        {
            if (!environment.IsDevelopment() && !options.Sandbox.AllowOutsideDevelopment)
            {
                failures.Add(
                    $"Zoom:Mode is Sandbox in the {environment.EnvironmentName} environment: the sandbox gives host keys (ZAK) to anyone who knows " +
                    "its fixed credentials. Set Zoom:Mode to Live, or set Zoom:Sandbox:AllowOutsideDevelopment to true for a test deployment.");
            }

            ValidateSandbox(options.Sandbox, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateApi(ZoomOptions options, List<string> failures)
    {
        var api = options.Api;
        if (options.Mode == ZoomMode.Live)
        {
            RequireHttpUrl(api.BaseUrl, "Zoom:Api:BaseUrl", failures);
            RequireHttpUrl(api.OAuthUrl, "Zoom:Api:OAuthUrl", failures);
            Require(api.AccountId, "Zoom:Api:AccountId", failures);
            Require(api.ClientId, "Zoom:Api:ClientId", failures);
            Require(api.ClientSecret, "Zoom:Api:ClientSecret", failures);
        }

        Range(api.AttemptTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "Zoom:Api:AttemptTimeout", failures);
        Range(api.TotalTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30), "Zoom:Api:TotalTimeout", failures);
        Range(api.RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1), "Zoom:Api:RetryDelay", failures);
        if (api.MaxRetries is < 1 or > 10)
        {
            failures.Add("Zoom:Api:MaxRetries must be between 1 and 10.");
        }
    }

    private static void ValidateClock(ZoomClockOptions clock, List<string> failures)
    {
        Range(clock.RefreshInterval, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), "Zoom:Clock:RefreshInterval", failures);
        Range(clock.MinRemeasureInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "Zoom:Clock:MinRemeasureInterval", failures);
        Range(clock.SampleSpacing, TimeSpan.Zero, TimeSpan.FromSeconds(2), "Zoom:Clock:SampleSpacing", failures);
        if (clock.Samples is < 1 or > 20)
        {
            failures.Add("Zoom:Clock:Samples must be between 1 and 20.");
        }
    }

    private static void ValidateSandbox(Sandbox.ZoomSandboxOptions sandbox, List<string> failures)
    {
        Range(sandbox.ClockSkew, -MaxSkew, MaxSkew, "Zoom:Sandbox:ClockSkew", failures);
        Range(sandbox.JoinClockSkew, -MaxSkew, MaxSkew, "Zoom:Sandbox:JoinClockSkew", failures);
        Range(sandbox.TokenLifetime, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), "Zoom:Sandbox:TokenLifetime", failures);
        if (sandbox.Port is < 0 or > 65535)
        {
            failures.Add("Zoom:Sandbox:Port must be between 0 (any free port) and 65535.");
        }

        if (sandbox.PageSize is < 1 or > 300)
        {
            failures.Add("Zoom:Sandbox:PageSize must be between 1 and 300.");
        }

        if (sandbox.ConnectionErrors is < 0 or > 1000)
        {
            failures.Add("Zoom:Sandbox:ConnectionErrors must be between 0 and 1000.");
        }

        for (var i = 0; i < sandbox.Faults.Count; i++)
        {
            var fault = sandbox.Faults[i];
            if (fault.Status is < 400 or > 599)
            {
                failures.Add($"Zoom:Sandbox:Faults:{i}:Status must be an HTTP error status (400-599).");
            }

            if (fault.Count < 1)
            {
                failures.Add($"Zoom:Sandbox:Faults:{i}:Count must be at least 1.");
            }

            if (!fault.PathPrefix.StartsWith('/'))
            {
                failures.Add($"Zoom:Sandbox:Faults:{i}:PathPrefix must start with '/'.");
            }
        }
    }

    private static void Require(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required when Zoom:Mode is Live.");
        }
    }

    private static void RequireHttpUrl(Uri? value, string key, List<string> failures)
    {
        if (value is null || !value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute http(s) URL when Zoom:Mode is Live.");
        }
    }

    private static void Range(TimeSpan value, TimeSpan min, TimeSpan max, string key, List<string> failures)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min:c} and {max:c}.");
        }
    }
}
