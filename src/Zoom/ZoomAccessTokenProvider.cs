using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Telemetry;

namespace ZoomPortal.Zoom;

/// <summary>
/// Server-to-Server OAuth access tokens: one cached token, renewed shortly before it expires or when Zoom rejects
/// it; concurrent renewals are serialised so that a burst of calls asks Zoom once.
/// </summary>
internal sealed class ZoomAccessTokenProvider(
    IHttpClientFactory httpClientFactory,
    IZoomEndpoints endpoints,
    IOptionsMonitor<ZoomOptions> options,
    ZoomApiHealth health,
    ZoomApiTelemetry telemetry,
    TimeProvider time,
    ILogger<ZoomAccessTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "ZoomOAuth";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && time.GetUtcNow() < current.RefreshAt)
        {
            return current.Value;
        }

        return await RenewAsync(current?.Value, cancellationToken);
    }

    /// <summary>Replaces <paramref name="stale"/> with a new token, unless another caller already did.</summary>
    public async Task<string> RenewAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (current is not null && current.Value != stale && time.GetUtcNow() < current.RefreshAt)
            {
                return current.Value;
            }

            var fresh = await RequestTokenAsync(cancellationToken);
            Volatile.Write(ref _current, fresh);
            return fresh.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var api = options.CurrentValue.Api;
        var oauth = (await endpoints.GetAsync(cancellationToken)).OAuthBaseUrl;
        var uri = new Uri(oauth, $"oauth/token?grant_type=account_credentials&account_id={Uri.EscapeDataString(api.AccountId ?? string.Empty)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{api.ClientId}:{api.ClientSecret}")));

        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await telemetry.SendAsync("POST /oauth/token", () => client.SendAsync(request, cancellationToken));
        }
        catch (Exception ex) when (ZoomApiClient.IsTransportFailure(ex, cancellationToken))
        {
            var failure = new ZoomApiException("Zoom's OAuth server could not be reached for an access token.", ex);
            health.RecordFailure(time.GetUtcNow(), failure.Message);
            throw failure;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, cancellationToken);
                var failure = new ZoomApiException(
                    $"Zoom refused the Server-to-Server OAuth token request (HTTP {(int)response.StatusCode}{error}). " +
                    "Check Zoom:Api:AccountId, Zoom:Api:ClientId and Zoom:Api:ClientSecret.",
                    (int)response.StatusCode);
                health.RecordFailure(time.GetUtcNow(), failure.Message);
                logger.CallFailed("POST /oauth/token", failure.Message);
                throw failure;
            }

            var token = await response.Content.ReadFromJsonAsync(ZoomJsonContext.Default.ZoomOAuthTokenDto, cancellationToken);
            if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpiresIn <= 0)
            {
                throw new ZoomApiException("Zoom's OAuth answer held no access token.", (int)response.StatusCode);
            }

            var issuedAt = time.GetUtcNow();
            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            health.RecordTokenIssued(issuedAt, issuedAt + lifetime);
            logger.TokenIssued(lifetime);
            return new CachedToken(token.AccessToken, issuedAt + lifetime - margin);
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(ZoomJsonContext.Default.ZoomOAuthErrorDto, cancellationToken);
            return string.IsNullOrWhiteSpace(error?.Reason) ? string.Empty : $": {ZoomApiClient.Shorten(error.Reason)}";
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
