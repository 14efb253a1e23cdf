using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Auth;

internal sealed class OidcOptionsValidator(IHostEnvironment environment) : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        if (!options.IsConfigured)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Authentication:Oidc:Authority is required outside the Development environment: set it to your identity provider's issuer URL. " +
                    "The development sign-in exists only in Development.");
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) ||
            (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Authentication:Oidc:Authority must be an absolute http(s) URL.");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && options.RequireHttpsMetadata)
        {
            failures.Add("Authentication:Oidc:Authority uses http: use https, or set Authentication:Oidc:RequireHttpsMetadata to false for a provider on loopback.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Authentication:Oidc:ClientId is required when Authentication:Oidc:Authority is set.");
        }

        if (!options.EffectiveScopes.Contains("openid", StringComparer.Ordinal))
        {
            failures.Add("Authentication:Oidc:Scopes must include openid.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
