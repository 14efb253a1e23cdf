using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ZoomPortal.Zoom.Sandbox;

/// <summary>
/// An emulator of the Zoom endpoints the portal calls, on its own Kestrel socket on 127.0.0.1, so the real
/// <see cref="ZoomApiClient"/> runs over real HTTP against it (also under TestServer). Same paths, JSON shapes,
/// status codes and headers as Zoom, a Date header from the sandbox's own (skewable) clock, and injectable faults.
/// </summary>
internal sealed class ZoomSandboxServer : IAsyncDisposable
{
    public const string MeetingReadScope = "meeting:read:admin";
    public const string UserReadScope = "user:read:admin";
    public const string TokenReadScope = "user:read:token:admin";
    private const int ZoomDefaultPageSize = 30;
    private const int ZoomMaxPageSize = 300;

    private readonly WebApplication _app;
    private readonly ZoomSandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private long _skewTicks;
    private long _joinSkewTicks;
    private int _connectionErrors;
    private int _tokensIssued;

    private ZoomSandboxServer(WebApplication app, ZoomSandboxOptions options, ZoomSandboxAccount account, TimeProvider time)
    {
        _app = app;
        _options = options;
        _time = time;
        _skewTicks = options.ClockSkew.Ticks;
        _joinSkewTicks = options.JoinClockSkew.Ticks;
        _connectionErrors = options.ConnectionErrors;
        Account = account;
        foreach (var fault in options.Faults)
        {
            Faults.Enqueue(fault);
        }
    }

    public ZoomSandboxAccount Account { get; }

    public ZoomSandboxFaults Faults { get; } = new();

    /// <summary>The sandbox's REST base, like <c>https://api.zoom.us/v2/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The sandbox's OAuth base, like <c>https://zoom.us/</c>.</summary>
    public Uri OAuthUrl { get; private set; } = null!;

    /// <summary>The sandbox's clock minus the server's; may be changed while it runs.</summary>
    public TimeSpan ClockSkew
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _skewTicks));
        set => Interlocked.Exchange(ref _skewTicks, value.Ticks);
    }

    public DateTimeOffset Now => _time.GetUtcNow() + ClockSkew;

    /// <summary>Extra skew of the web join check only (not of the Date header); may be changed while it runs.</summary>
    public TimeSpan JoinClockSkew
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _joinSkewTicks));
        set => Interlocked.Exchange(ref _joinSkewTicks, value.Ticks);
    }

    /// <summary>How many more accepted joins fail to reach the meeting servers; may be changed while it runs.</summary>
    public int ConnectionErrors
    {
        get => Volatile.Read(ref _connectionErrors);
        set => Volatile.Write(ref _connectionErrors, value);
    }

    /// <summary>Uses up one of <see cref="ConnectionErrors"/>: true when this accepted join is to fail to connect.</summary>
    public bool TakeConnectionError()
    {
        while (true)
        {
            var left = Volatile.Read(ref _connectionErrors);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _connectionErrors, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    /// <summary>The clock the web join checks signatures against: <see cref="Now"/> plus <see cref="JoinClockSkew"/>.</summary>
    public DateTimeOffset JoinNow => Now + JoinClockSkew;

    /// <summary>Every request received, as "METHOD /path?query", oldest first.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public static async Task<ZoomSandboxServer> StartAsync(ZoomSandboxOptions options, TimeProvider time, ZoomSandboxAccount? account = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        account ??= new ZoomSandboxAccount(time.GetUtcNow() + options.ClockSkew);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRouting();
        var app = builder.Build();
        var server = new ZoomSandboxServer(app, options, account, time);
        server.MapEndpoints();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.OAuthUrl = new Uri(address.TrimEnd('/') + "/");
        server.BaseUrl = new Uri(server.OAuthUrl, "v2/");
        return server;
    }

    /// <summary>Invalidates every access token, as Zoom does when an app's credentials change.</summary>
    public void RevokeTokens() => _tokens.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapEndpoints()
    {
        _app.Use(async (context, next) =>
        {
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            context.Response.OnStarting(() =>
            {
                // Zoom's clock, not Kestrel's: this is what the portal's clock estimate reads.
                context.Response.Headers.Date = Now.ToString("R", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
        _app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (context.Request.Path.StartsWithSegments("/v2") && !Authorize(context, out var failure))
            {
                await WriteErrorAsync(context, HttpStatusCode.Unauthorized, 124, failure);
                return;
            }

            if (Faults.TakeFor(path) is { } fault)
            {
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, (HttpStatusCode)fault.Status, fault.Status,
                    fault.Status == 429 ? "You have reached the maximum per-second rate limit for this API. Try again later." : "Internal error. Try again later.");
                return;
            }

            await next(context);
        });

        _app.MapPost("/oauth/token", new Func<HttpContext, Task<IResult>>(IssueToken));
        _app.MapGet("/v2/users", ListUsers);
        _app.MapGet("/v2/users/{userId}/meetings", ListMeetings);
        _app.MapGet("/v2/users/{userId}/token", GetUserToken);
        _app.MapGet("/v2/meetings/{meetingId}", GetMeeting);
        _app.MapFallback((HttpContext context) => Error(HttpStatusCode.NotFound, 404, "Not found."));
    }

    private async Task<IResult> IssueToken(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? Parameter(string name) => context.Request.Query[name].FirstOrDefault() ?? form?[name].FirstOrDefault();

        if (Parameter("grant_type") != "account_credentials")
        {
            return OAuthError("unsupported_grant_type", "unsupported grant type");
        }

        if (!TryReadBasic(context.Request.Headers.Authorization.ToString(), out var clientId, out var clientSecret) ||
            clientId != ZoomSandboxAccount.ClientId ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(ZoomSandboxAccount.ClientSecret)))
        {
            return OAuthError("invalid_client", "Invalid client_id or client_secret");
        }

        if (Parameter("account_id") != ZoomSandboxAccount.AccountId)
        {
            return OAuthError("invalid_request", "Invalid account_id");
        }

        var token = "sbx." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _tokens[token] = Now + _options.TokenLifetime;
        Interlocked.Increment(ref _tokensIssued);
        var granted = new[] { MeetingReadScope, UserReadScope, TokenReadScope }.Except(_options.MissingScopes, StringComparer.Ordinal);
        return Results.Json(new ZoomOAuthTokenDto
        {
            AccessToken = token,
            TokenType = "bearer",
            ExpiresIn = (int)_options.TokenLifetime.TotalSeconds,
            Scope = string.Join(' ', granted),
        }, ZoomJsonContext.Default.ZoomOAuthTokenDto);
    }

    private IResult ListUsers(HttpContext context)
    {
        if (MissingScope(UserReadScope) is { } scopeError)
        {
            return scopeError;
        }

        if (!TryPage(context, Account.Users, out var page, out var next, out var pageSize, out var error))
        {
            return error;
        }

        return Results.Json(new ZoomUserListDto
        {
            NextPageToken = next,
            PageSize = pageSize,
            TotalRecords = Account.Users.Count,
            Users = [.. page.Select(u => new ZoomUserDto
            {
                Id = u.Id,
                Email = u.Email,
                FirstName = u.FirstName,
                LastName = u.LastName,
                DisplayName = u.DisplayName,
                Type = 2,
                Status = "active",
                Timezone = u.Timezone,
            })],
        }, ZoomJsonContext.Default.ZoomUserListDto);
    }

    private IResult ListMeetings(HttpContext context, string userId)
    {
        if (MissingScope(MeetingReadScope) is { } scopeError)
        {
            return scopeError;
        }

        if (Account.FindUser(userId) is not { } user)
        {
            return Error(HttpStatusCode.NotFound, 1001, $"User does not exist: {userId}.");
        }

        var now = Now;
        bool IsLive(ZoomSandboxMeeting m) => Account.StatusOf(m.Id) == ZoomSandboxAccount.Started;
        bool IsOver(ZoomSandboxMeeting m) => !IsLive(m) && m.LastEnd <= now;
        Func<ZoomSandboxMeeting, bool>? filter = (context.Request.Query["type"].FirstOrDefault() ?? "scheduled") switch
        {
            "scheduled" => m => !IsOver(m),
            "live" => IsLive,
            "upcoming" or "upcoming_meetings" => m => !IsLive(m) && m.NextStart(now) > now,
            "previous_meetings" => IsOver,
            _ => null,
        };
        if (filter is null)
        {
            return Error(HttpStatusCode.BadRequest, 300, "Invalid field: type.");
        }

        var meetings = Account.Meetings.Where(m => m.HostId == user.Id).Where(filter).OrderBy(m => m.NextStart(now)).ToList();
        if (!TryPage(context, meetings, out var page, out var next, out var pageSize, out var error))
        {
            return error;
        }

        return Results.Json(new ZoomMeetingListDto
        {
            NextPageToken = next,
            PageSize = pageSize,
            TotalRecords = meetings.Count,
            Meetings = [.. page.Select(m => new ZoomMeetingDto
            {
                Id = m.Id,
                Uuid = m.Uuid,
                HostId = m.HostId,
                Topic = m.Topic,
                Type = m.Type,
                StartTime = m.NextStart(now),
                Duration = m.DurationMinutes,
                Timezone = m.Timezone,
                Agenda = m.Agenda,
                CreatedAt = Account.SeededAt.AddDays(-30),
                JoinUrl = JoinUrl(m),
            })],
        }, ZoomJsonContext.Default.ZoomMeetingListDto);
    }

    private IResult GetMeeting(string meetingId)
    {
        if (MissingScope(MeetingReadScope) is { } scopeError)
        {
            return scopeError;
        }

        if (!long.TryParse(meetingId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || Account.FindMeeting(id) is not { } m)
        {
            return Error(HttpStatusCode.NotFound, 3001, $"Meeting does not exist: {meetingId}.");
        }

        var now = Now;
        var host = Account.FindUser(m.HostId);
        return Results.Json(new ZoomMeetingDto
        {
            Id = m.Id,
            Uuid = m.Uuid,
            HostId = m.HostId,
            HostEmail = host?.Email,
            Topic = m.Topic,
            Type = m.Type,
            Status = Account.StatusOf(m.Id),
            StartTime = m.NextStart(now),
            Duration = m.DurationMinutes,
            Timezone = m.Timezone,
            Agenda = m.Agenda,
            CreatedAt = Account.SeededAt.AddDays(-30),
            JoinUrl = JoinUrl(m),
            Password = Account.PasscodeOf(m.Id) ?? string.Empty,
            Occurrences = m.Occurrences.Count == 0 ? null : [.. m.Occurrences.Select(o => new ZoomOccurrenceDto
            {
                OccurrenceId = o.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                StartTime = o,
                Duration = m.DurationMinutes,
                Status = "available",
            })],
            Settings = new ZoomMeetingSettingsDto
            {
                HostVideo = true,
                ParticipantVideo = false,
                JoinBeforeHost = m.JoinBeforeHost,
                WaitingRoom = m.WaitingRoom,
                MuteUponEntry = true,
                ApprovalType = 2,
            },
        }, ZoomJsonContext.Default.ZoomMeetingDto);
    }

    private IResult GetUserToken(HttpContext context, string userId)
    {
        if (MissingScope(TokenReadScope) is { } scopeError)
        {
            return scopeError;
        }

        if (Account.FindUser(userId) is not { } user)
        {
            return Error(HttpStatusCode.NotFound, 1001, $"User does not exist: {userId}.");
        }

        return context.Request.Query["type"].FirstOrDefault() == "zak"
            ? Results.Json(new ZoomZakDto { Token = Account.IssueZak(user.Id) }, ZoomJsonContext.Default.ZoomZakDto)
            : Error(HttpStatusCode.BadRequest, 300, "The sandbox issues only type=zak tokens.");
    }

    private bool Authorize(HttpContext context, out string failure)
    {
        failure = "Invalid access token.";
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ||
            header.Parameter is null ||
            !_tokens.TryGetValue(header.Parameter, out var expiresAt))
        {
            return false;
        }

        if (expiresAt <= Now)
        {
            failure = "Access token is expired.";
            return false;
        }

        return true;
    }

    private IResult? MissingScope(string scope) =>
        _options.MissingScopes.Contains(scope, StringComparer.Ordinal)
            ? Error(HttpStatusCode.BadRequest, 4711, $"Invalid access token, does not contain scopes:[{scope}].")
            : null;

    private bool TryPage<T>(HttpContext context, IReadOnlyList<T> items, out IReadOnlyList<T> page, out string next, out int pageSize, out IResult error)
    {
        page = [];
        next = string.Empty;
        error = Results.Empty;
        pageSize = int.TryParse(context.Request.Query["page_size"].FirstOrDefault(), CultureInfo.InvariantCulture, out var asked)
            ? Math.Clamp(asked, 1, ZoomMaxPageSize)
            : ZoomDefaultPageSize;
        pageSize = Math.Min(pageSize, _options.PageSize);

        var offset = 0;
        var token = context.Request.Query["next_page_token"].FirstOrDefault();
        if (!string.IsNullOrEmpty(token) &&
            (!token.StartsWith("sbxpage", StringComparison.Ordinal) ||
             !int.TryParse(token.AsSpan(7), CultureInfo.InvariantCulture, out offset) || offset < 0 || offset > items.Count))
        {
            error = Error(HttpStatusCode.BadRequest, 300, "The next page token is invalid or expired.");
            return false;
        }

        page = [.. items.Skip(offset).Take(pageSize)];
        next = offset + pageSize < items.Count ? "sbxpage" + (offset + pageSize).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return true;
    }

    private static Uri JoinUrl(ZoomSandboxMeeting meeting) =>
        new($"https://sandbox.zoom.invalid/j/{meeting.Id.ToString(CultureInfo.InvariantCulture)}");

    private static bool TryReadBasic(string header, out string clientId, out string clientSecret)
    {
        clientId = clientSecret = string.Empty;
        if (!AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            clientId = pair[..colon];
            clientSecret = pair[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult Error(HttpStatusCode status, int code, string message) =>
        Results.Json(new ZoomErrorDto { Code = code, Message = message }, ZoomJsonContext.Default.ZoomErrorDto, statusCode: (int)status);

    private static IResult OAuthError(string error, string reason) =>
        Results.Json(new ZoomOAuthErrorDto { Error = error, Reason = reason }, ZoomJsonContext.Default.ZoomOAuthErrorDto, statusCode: 400);

    private static Task WriteErrorAsync(HttpContext context, HttpStatusCode status, int code, string message)
    {
        context.Response.StatusCode = (int)status;
        return context.Response.WriteAsJsonAsync(new ZoomErrorDto { Code = code, Message = message }, ZoomJsonContext.Default.ZoomErrorDto, cancellationToken: context.RequestAborted);
    }
}
