using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ZoomPortal.Features.Telemetry;

namespace ZoomPortal.Zoom;

/// <summary>
/// Zoom's REST API over a typed HttpClient. Retries, Retry-After, the circuit breaker and timeouts live in the
/// client's resilience handler (see <see cref="ZoomSetup"/>); this class adds the access token, renews it once on
/// a 401, reads every page and turns Zoom's errors into <see cref="ZoomApiException"/>.
/// </summary>
internal sealed partial class ZoomApiClient(
    HttpClient httpClient,
    ZoomAccessTokenProvider tokens,
    IZoomEndpoints endpoints,
    ZoomApiHealth health,
    ZoomApiTelemetry telemetry,
    TimeProvider time,
    ILogger<ZoomApiClient> logger) : IZoomApi
{
    private const int PageSize = 300;
    private const int MaxPages = 1000;

    public async Task<IReadOnlyList<ZoomMeetingSummary>> ListMeetingsAsync(string userId, ZoomMeetingListType type, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var path = $"users/{Uri.EscapeDataString(userId)}/meetings?type={TypeParameter(type)}&page_size={PageSize}";
        var meetings = new List<ZoomMeetingSummary>();
        await ReadAllPagesAsync(path, "GET /users/{userId}/meetings", ZoomJsonContext.Default.ZoomMeetingListDto,
            page => meetings.AddRange((page.Meetings ?? []).Select(ToSummary)), page => page.NextPageToken, cancellationToken);
        return meetings;
    }

    public async Task<ZoomMeeting> GetMeetingAsync(long meetingId, CancellationToken cancellationToken)
    {
        var dto = await GetAsync($"meetings/{meetingId.ToString(CultureInfo.InvariantCulture)}", "GET /meetings/{meetingId}",
            ZoomJsonContext.Default.ZoomMeetingDto, cancellationToken);
        return ToMeeting(dto);
    }

    public async Task<IReadOnlyList<ZoomUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<ZoomUser>();
        await ReadAllPagesAsync($"users?status=active&page_size={PageSize}", "GET /users", ZoomJsonContext.Default.ZoomUserListDto,
            page => users.AddRange((page.Users ?? []).Select(ToUser)), page => page.NextPageToken, cancellationToken);
        return users;
    }

    public async Task<string> GetZakAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var dto = await GetAsync($"users/{Uri.EscapeDataString(userId)}/token?type=zak", "GET /users/{userId}/token",
            ZoomJsonContext.Default.ZoomZakDto, cancellationToken);
        return string.IsNullOrEmpty(dto.Token)
            ? throw new ZoomApiException("Zoom's answer to GET /users/{userId}/token held no ZAK.")
            : dto.Token;
    }

    internal static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException ||
        (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    internal static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");

    /// <summary>Zoom names a missing scope as "… does not contain scopes:[meeting:read:admin]."</summary>
    internal static string? FindMissingScope(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = ScopeList().Match(message);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private async Task ReadAllPagesAsync<TPage>(string path, string operation, JsonTypeInfo<TPage> typeInfo,
        Action<TPage> collect, Func<TPage, string?> nextToken, CancellationToken cancellationToken)
    {
        string? pageToken = null;
        for (var pages = 0; ; pages++)
        {
            if (pages == MaxPages)
            {
                throw new ZoomApiException($"Zoom kept returning pages for {operation}; stopped after {MaxPages}.");
            }

            var page = await GetAsync(pageToken is null ? path : $"{path}&next_page_token={Uri.EscapeDataString(pageToken)}",
                operation, typeInfo, cancellationToken);
            collect(page);
            var next = nextToken(page);
            if (string.IsNullOrEmpty(next) || next == pageToken)
            {
                return;
            }

            pageToken = next;
        }
    }

    private async Task<T> GetAsync<T>(string relativePath, string operation, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var uri = new Uri((await endpoints.GetAsync(cancellationToken)).ApiBaseUrl, relativePath);
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await SendAsync(uri, token, operation, cancellationToken);
        try
        {
            ZoomErrorDto? error = null;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                error = await ReadErrorAsync(response, cancellationToken);
                if (FindMissingScope(error?.Message) is null)
                {
                    // Zoom may revoke a token before its expiry (e.g. new credentials): renew once, then give up.
                    logger.TokenRejected(operation);
                    response.Dispose();
                    token = await tokens.RenewAsync(token, cancellationToken);
                    response = await SendAsync(uri, token, operation, cancellationToken);
                    error = null;
                }
            }

            if (!response.IsSuccessStatusCode)
            {
                error ??= await ReadErrorAsync(response, cancellationToken);
                throw Fail(CreateError(response.StatusCode, error, operation), operation);
            }

            var result = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                ?? throw Fail(new ZoomApiException($"Zoom answered {operation} with an empty body.", (int)response.StatusCode), operation);
            health.RecordSuccess(time.GetUtcNow());
            return result;
        }
        finally
        {
            response.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, string token, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await telemetry.SendAsync(operation, () => httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken));
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            var reason = ex switch
            {
                BrokenCircuitException => "Zoom is failing repeatedly, so calls are paused for a moment (circuit open).",
                TimeoutRejectedException or OperationCanceledException => "Zoom did not answer in time.",
                _ => "Zoom could not be reached.",
            };
            throw Fail(new ZoomApiException($"{operation}: {reason}", ex), operation);
        }
    }

    private ZoomApiException Fail(ZoomApiException exception, string operation)
    {
        health.RecordFailure(time.GetUtcNow(), exception.Message);
        logger.CallFailed(operation, exception.Message);
        return exception;
    }

    private static ZoomApiException CreateError(HttpStatusCode status, ZoomErrorDto? error, string operation)
    {
        var code = (int)status;
        var scope = FindMissingScope(error?.Message);
        if (scope is not null)
        {
            return new ZoomApiException(
                $"Zoom refused {operation}: the Server-to-Server OAuth app lacks the scope {scope} (HTTP {code}, Zoom code {error?.Code}). " +
                "Add the scope to the app in the Zoom App Marketplace.",
                code, error?.Code, scope);
        }

        var detail = string.IsNullOrWhiteSpace(error?.Message) ? string.Empty : $": {Shorten(error.Message)}";
        var message = status switch
        {
            HttpStatusCode.TooManyRequests => $"Zoom's rate limit was hit for {operation} and retries did not get through (HTTP 429{detail}).",
            HttpStatusCode.Unauthorized => $"Zoom rejected the access token for {operation} twice (HTTP 401{detail}). Check Zoom:Api:AccountId, Zoom:Api:ClientId and Zoom:Api:ClientSecret.",
            >= HttpStatusCode.InternalServerError => $"Zoom failed on {operation} after retries (HTTP {code}{detail}).",
            _ => $"Zoom refused {operation} (HTTP {code}{detail}).",
        };
        return new ZoomApiException(message, code, error?.Code);
    }

    private static async Task<ZoomErrorDto?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ZoomJsonContext.Default.ZoomErrorDto, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string TypeParameter(ZoomMeetingListType type) => type switch
    {
        ZoomMeetingListType.Scheduled => "scheduled",
        ZoomMeetingListType.Live => "live",
        ZoomMeetingListType.Upcoming => "upcoming",
        ZoomMeetingListType.PreviousMeetings => "previous_meetings",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static ZoomMeetingSummary ToSummary(ZoomMeetingDto m) =>
        new(m.Id, m.Uuid ?? string.Empty, m.HostId ?? string.Empty, m.Topic ?? string.Empty, m.Type, m.StartTime, m.Duration, m.Timezone, m.Agenda);

    private static ZoomMeeting ToMeeting(ZoomMeetingDto m) =>
        new(m.Id, m.Uuid ?? string.Empty, m.HostId ?? string.Empty, m.HostEmail, m.Topic ?? string.Empty, m.Type, m.StartTime, m.Duration,
            m.Timezone, m.Agenda, m.Password, m.Status ?? "waiting",
            [.. (m.Occurrences ?? []).Select(o => new ZoomOccurrence(o.OccurrenceId ?? string.Empty, o.StartTime, o.Duration, o.Status ?? "available"))])
        {
            Settings = m.Settings is { } s
                ? new ZoomMeetingSettings(s.HostVideo, s.ParticipantVideo, s.JoinBeforeHost, s.WaitingRoom, s.MuteUponEntry, s.ApprovalType)
                : null,
        };

    private static ZoomUser ToUser(ZoomUserDto u) =>
        new(u.Id ?? string.Empty, u.Email ?? string.Empty, u.FirstName, u.LastName, u.DisplayName, u.Type, u.Status ?? "active", u.Timezone);

    [GeneratedRegex(@"scopes?\s*:\s*\[([^\]]+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeList();
}
