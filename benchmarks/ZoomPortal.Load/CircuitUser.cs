using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace ZoomPortal.Load;

/// <summary>
/// One signed-in user on an interactive page without a browser: a lightweight Blazor Server circuit client (in the
/// spirit of ASP.NET Core's former "Ignitor" test client, rewritten for blazor.web.js in .NET 10).
/// <list type="number">
/// <item>Signs in over HTTP with the development sign-in (antiforgery token, cookie jar).</item>
/// <item>GETs the page (prerendered) and reads its <c>&lt;!--Blazor:{...}--&gt;</c> server component markers and the
/// <c>Blazor-Server-Component-State</c> comment.</item>
/// <item>Opens the circuit as blazor.web.js does: <c>/_blazor</c> negotiate + WebSocket, the "blazorpack" protocol,
/// <c>StartCircuit(baseUri, uri, "[]", state)</c>, then <c>UpdateRootComponents</c> adding the markers.</item>
/// <item>Acknowledges every render batch (<c>OnRenderCompleted</c>) and answers every JS interop call the page makes
/// (<c>EndInvokeJSFromDotNet</c>) the way the page's modules would in a desktop Chromium: module imports get object
/// references, <c>checkBrowser</c> a secure context with WebAssembly, <c>now</c> the clock, <c>timeZone</c> a zone.</item>
/// </list>
/// A join (<see cref="JoinAsync"/>) submits the join form through the renderer's <c>DispatchEventAsync</c> and then does
/// what JoinMeetingPage.razor.js and the sandbox SDK stand-in do: progress reports, <c>GetSignatureAsync</c>, the
/// stand-in's web join POST, and the successful <c>ReportAttemptAsync</c>; the attendance hub gets the "joined" event.
/// </summary>
internal sealed partial class CircuitUser : IAsyncDisposable
{
    // What the join page's checkBrowser() would report in a desktop Chromium (no Client View redirect).
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Uri _baseUrl;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(bool Ok, string Result)>> _dotNetCalls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _attendance;
    private HubConnection? _circuit;
    private string? _circuitSecret;
    private HubConnection? _attendanceHub;
    private Task? _attendanceStart;
    private TaskCompletionSource<TimeSpan>? _joined;
    private Stopwatch? _click;
    private long _rendererObjectId = -1;
    private long _submitHandlerId;
    private long _nextJsObjectId;
    private long _nextCallId;
    private int _renderBatches;

    private CircuitUser(Uri baseUrl, string path, bool attendance)
    {
        _baseUrl = baseUrl;
        Path = path;
        _attendance = attendance;
        _http = new HttpClient(new LoopbackCookieJar(_cookies, new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(120),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>ZOOMPORTAL_LOAD_TRACE=1: every JS interop call a page makes is written to stderr.</summary>
    public static bool Trace { get; } = Environment.GetEnvironmentVariable("ZOOMPORTAL_LOAD_TRACE") == "1";

    public string Path { get; }

    /// <summary>Set once the circuit started (the server's circuit id secret is not kept).</summary>
    public bool CircuitStarted { get; private set; }

    public bool Closed { get; private set; }

    public string? LastError { get; private set; }

    public int RenderBatches => _renderBatches;

    /// <summary>Signs in, loads <paramref name="path"/> and opens its circuit; returns once the page's first render settled.</summary>
    public static async Task<CircuitUser> OpenAsync(Uri baseUrl, string name, string role, string path, bool attendance, TimeSpan timeout, string email = "")
    {
        var user = new CircuitUser(baseUrl, path, attendance);
        try
        {
            using var bound = new CancellationTokenSource(timeout);
            var html = await user.SignInAsync(name, role, path, bound.Token, email);
            await user.StartCircuitAsync(html, bound.Token);
            // The page is ready when its modules were imported and it re-rendered with them: the join page's
            // preload call, or for pages without one, a short quiet period after the first batch.
            await user._ready.Task.WaitAsync(bound.Token);
            return user;
        }
        catch
        {
            await user.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs a user in over HTTP and returns the HTML of <paramref name="path"/> (no circuit).</summary>
    public static async Task<string> FetchSignedInAsync(Uri baseUrl, string name, string role, string path)
    {
        await using var user = new CircuitUser(baseUrl, path, attendance: false);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await user.SignInAsync(name, role, path, bound.Token);
    }

    /// <summary>Signs a user in over HTTP and returns the sign-in cookies as a <c>Cookie</c> header (no circuit).</summary>
    public static async Task<string> SignInCookiesAsync(Uri baseUrl, string name, string role, string email, string path)
    {
        await using var user = new CircuitUser(baseUrl, path, attendance: false);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await user.SignInAsync(name, role, path, bound.Token, email);
        return LoopbackCookieJar.Header(user._cookies);
    }

    /// <summary>The attendance hub connection the join page's reporter opened (after a join), or null.</summary>
    public HubConnection? AttendanceConnection => _attendanceHub;

    /// <summary>
    /// Closes the page's circuit as a closed tab would, keeping the attendance hub connection: what stays of an attendee
    /// whose SDK has taken over the page (the fan-out scenario measures the hub, not circuits).
    /// </summary>
    public async Task CloseCircuitAsync()
    {
        if (_circuit is not null)
        {
            await _circuit.DisposeAsync();
            _circuit = null;
        }

        await DisconnectCircuitAsync();
    }

    private async Task DisconnectCircuitAsync()
    {
        // A closed tab: blazor.web.js sends this beacon on unload, so the server ends the circuit now instead of
        // keeping it as a disconnected circuit for Circuits:DisconnectedRetention.
        if (_circuitSecret is not null)
        {
            try
            {
                using var form = new MultipartFormDataContent { { new StringContent(_circuitSecret), "circuitId" } };
                using var response = await _http.PostAsync(new Uri("_blazor/disconnect", UriKind.Relative), form);
            }
            catch (HttpRequestException)
            {
                // The portal is gone already.
            }

            _circuitSecret = null;
        }
    }

    private async Task<string> SignInAsync(string name, string role, string path, CancellationToken cancellationToken, string email = "")
    {
        var signIn = await _http.GetStringAsync(new Uri($"authentication/dev-signin?returnUrl={Uri.EscapeDataString(path)}", UriKind.Relative), cancellationToken);
        var token = AntiforgeryInput().Match(signIn);
        if (!token.Success)
        {
            throw new InvalidOperationException("The development sign-in page has no antiforgery token (is the portal in Development?).");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["ReturnUrl"] = path,
            ["Name"] = name,
            ["Email"] = email,
            ["Groups"] = string.Empty,
            ["Role"] = role,
        });
        using var response = await _http.PostAsync(new Uri("authentication/dev-login", UriKind.Relative), form, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.RequestMessage?.RequestUri?.PathAndQuery != path)
        {
            throw new InvalidOperationException($"Signed in but arrived at {response.RequestMessage?.RequestUri?.PathAndQuery}, not {path}.");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task StartCircuitAsync(string html, CancellationToken cancellationToken)
    {
        var markers = new JsonArray();
        foreach (Match m in ComponentMarker().Matches(html))
        {
            var marker = JsonNode.Parse(m.Groups["json"].Value);
            if (marker?["type"]?.GetValue<string>() == "server")
            {
                markers.Add(marker);
            }
        }

        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{Path} has no interactive server component: no circuit to open.");
        }

        var state = ComponentState().Match(html) is { Success: true } s ? s.Groups["state"].Value : string.Empty;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_baseUrl, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.Headers["Cookie"] = LoopbackCookieJar.Header(_cookies);
                o.Headers["User-Agent"] = UserAgent;
            });
        // The last IHubProtocol registered is the one the connection speaks.
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        var circuit = builder.Build();
        _circuit = circuit;
        circuit.ServerTimeout = TimeSpan.FromMinutes(2);
        circuit.Closed += error =>
        {
            Closed = true;
            LastError ??= error?.Message ?? "closed";
            _ready.TrySetException(new InvalidOperationException($"The circuit closed: {LastError}"));
            _joined?.TrySetException(new InvalidOperationException($"The circuit closed: {LastError}"));
            return Task.CompletedTask;
        };
        circuit.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        circuit.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));
        circuit.On<string, bool, string?>("JS.EndInvokeDotNet", (callId, ok, result) =>
        {
            if (_dotNetCalls.TryRemove(callId, out var call))
            {
                call.TrySetResult((ok, result ?? "null"));
            }
        });
        circuit.On<string>("JS.Error", error =>
        {
            if (Trace)
            {
                Console.Error.WriteLine($"  JS.Error: {error}");
            }

            LastError = error;
            _ready.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
            _joined?.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
        });

        await circuit.StartAsync(cancellationToken);
        var pageUri = new Uri(_baseUrl, Path).ToString();
        var circuitId = await circuit.InvokeAsync<string?>("StartCircuit", _baseUrl.ToString(), pageUri, "[]", state, cancellationToken);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException($"StartCircuit was refused: {LastError}");
        }

        CircuitStarted = true;
        _circuitSecret = circuitId;
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i, ["marker"] = markers[i]!.DeepClone() });
        }

        var batch = new JsonObject { ["batchId"] = 0, ["operations"] = operations };
        await circuit.SendAsync("UpdateRootComponents", batch.ToJsonString(), state, cancellationToken);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        Interlocked.Increment(ref _renderBatches);
        var handler = RenderBatchReader.FindEventHandler(data, "onsubmit");
        if (handler != 0)
        {
            Interlocked.Exchange(ref _submitHandlerId, handler);
        }

        await _circuit!.SendAsync("OnRenderCompleted", batchId, null);
        if (!Path.EndsWith("/join", StringComparison.Ordinal))
        {
            // Pages other than the join page have no "preload" call to wait for.
            _ = Task.Delay(500).ContinueWith(_ => _ready.TrySetResult(), TaskScheduler.Default);
        }
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string? argsJson, int resultType)
    {
        object? result = null;
        var args = string.IsNullOrEmpty(argsJson) ? null : JsonNode.Parse(argsJson) as JsonArray;
        if (Trace)
        {
            Console.Error.WriteLine($"  js: {identifier} result-type {resultType} args {argsJson?[..Math.Min(argsJson.Length, 160)]}");
        }

        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                // The renderer's interop object: events are dispatched through its DispatchEventAsync.
                _rendererObjectId = args?.OfType<JsonObject>().Select(a => a["__dotNetObject"]).FirstOrDefault(a => a is not null)?.GetValue<long>() ?? -1;
                break;
            case "checkBrowser":
                result = new { secureContext = true, webAssembly = true, camera = "prompt", microphone = "prompt", userAgent = UserAgent };
                break;
            case "now":
                result = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                break;
            case "timeZone":
                result = "Europe/Berlin";
                break;
            // MudBlazor's layout asks the browser about itself: answers of a 1440x900 desktop window in light mode.
            case "mudThemeProvider.isDarkMode":
                result = false;
                break;
            case "window.hasOwnProperty":
                result = true;
                break;
            case "mudpopoverHelper.countProviders":
                result = 1;
                break;
            case "mudElementRef.getBoundingClientRect":
                result = new { x = 0, y = 0, width = 320, height = 40, top = 0, left = 0, right = 320, bottom = 40, scrollX = 0, scrollY = 0, windowHeight = 900, windowWidth = 1440 };
                break;
            case "mudResizeListener.getBrowserWindowSize":
                result = new { height = 900, width = 1440 };
                break;
            case "Blazor._internal.PageTitle.getAndRemoveExistingTitle":
                result = "ZoomPortal";
                break;
            case "preload":
                _ready.TrySetResult();
                break;
            case "join" when args is [_, { } dotnet, { } options]:
                _ = RunJoinAsync(dotnet["__dotNetObject"]!.GetValue<long>(), options);
                break;
            case "attach" when _attendance:
                _attendanceStart ??= StartAttendanceAsync();
                break;
        }

        // ResultType 1 = JSObjectReference: a module, a join handle, a device check handle.
        if (resultType == 1)
        {
            result = new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObjectId) };
        }

        if (asyncHandle != 0)
        {
            var answer = JsonSerializer.Serialize(new object?[] { asyncHandle, true, result }, Json);
            await _circuit!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, answer);
        }
    }

    /// <summary>
    /// Clicks "Join meeting" (the form's submit event) and returns the time until the portal recorded the successful
    /// attempt, i.e. until the browser would be in the meeting.
    /// </summary>
    public async Task<TimeSpan> JoinAsync(TimeSpan timeout)
    {
        var handler = Interlocked.Read(ref _submitHandlerId);
        if (handler == 0 || _rendererObjectId < 0)
        {
            throw new InvalidOperationException("The join form's submit handler was not rendered.");
        }

        _joined = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _click = Stopwatch.StartNew();
        var descriptor = new { eventHandlerId = handler, eventName = "submit", eventFieldInfo = (object?)null };
        _ = await InvokeDotNetAsync(_rendererObjectId, "DispatchEventAsync", descriptor, new { });
        return await _joined.Task.WaitAsync(timeout);
    }

    private async Task RunJoinAsync(long dotnet, JsonNode options)
    {
        try
        {
            var joinId = options["joinId"]!.GetValue<string>();
            var attempt = options["firstAttempt"]?.GetValue<int>() ?? 1;
            var remeasure = options["remeasure"]?.GetValue<bool>() ?? false;
            var sdkVersion = options["sdkVersion"]?.GetValue<string>();
            var joinPath = options["sdk"]?["sandboxEndpoint"]?.GetValue<string>();
            Progress(dotnet, joinId, "LoadingZoom");
            Progress(dotnet, joinId, "GettingSignature");
            var ticket = JsonNode.Parse(await InvokeDotNetAsync(dotnet, "GetSignatureAsync", joinId, attempt, remeasure));
            if (ticket is null)
            {
                throw new InvalidOperationException("GetSignatureAsync refused the join.");
            }

            Progress(dotnet, joinId, "Joining");
            // The sandbox SDK stand-in's web join (what Zoom's wc/info is for the real SDK).
            var body = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (from, to) in new[] { ("signature", "signature"), ("meetingNumber", "meetingNumber"), ("passcode", "password"), ("userName", "userName"), ("userEmail", "userEmail"), ("customerKey", "customerKey"), ("zak", "zak") })
            {
                if (ticket[from]?.GetValue<string>() is { Length: > 0 } value)
                {
                    body[to] = value;
                }
            }

            using (var response = await _http.PostAsJsonAsync(new Uri(joinPath ?? "/zoom-sandbox/web/join", UriKind.Relative), body))
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The sandbox web join answered {(int)response.StatusCode}.");
                }
            }

            var ms = (long)_click!.Elapsed.TotalMilliseconds;
            var next = await InvokeDotNetAsync(dotnet, "ReportAttemptAsync", joinId, attempt, null, null, sdkVersion, "Sandbox", ms);
            _joined?.TrySetResult(_click.Elapsed);
            if (!next.Contains("InMeeting", StringComparison.Ordinal))
            {
                LastError = $"ReportAttemptAsync answered {next}";
            }

            await ReportJoinedAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or JsonException or TaskCanceledException)
        {
            LastError = ex.Message;
            _joined?.TrySetException(ex);
        }
    }

    private void Progress(long dotnet, string joinId, string step) =>
        _ = InvokeDotNetAsync(dotnet, "ReportProgress", joinId, step, 0).ContinueWith(_ => { }, TaskScheduler.Default);

    private async Task<string> InvokeDotNetAsync(long dotnetObjectId, string method, params object?[] args)
    {
        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        var call = new TaskCompletionSource<(bool Ok, string Result)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dotNetCalls[callId] = call;
        await _circuit!.SendAsync("BeginInvokeDotNetFromJS", callId, null, method, dotnetObjectId, JsonSerializer.Serialize(args, Json));
        var (ok, result) = await call.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return ok ? result : throw new InvalidOperationException($"{method} failed: {result}");
    }

    // The attendance reporter connects while the user is still on the form (AttendanceReporter.razor.js).
    private async Task StartAttendanceAsync()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_baseUrl, "hubs/attendance"), HttpTransportType.WebSockets, o => o.Headers["Cookie"] = LoopbackCookieJar.Header(_cookies))
            .Build();
        _attendanceHub = hub;
        try
        {
            await hub.StartAsync();
        }
        catch (HttpRequestException ex)
        {
            LastError = $"attendance hub: {ex.Message}";
        }
    }

    private async Task ReportJoinedAsync()
    {
        if (_attendanceStart is null || _attendanceHub is null)
        {
            return;
        }

        await _attendanceStart;
        var meetingId = long.Parse(MeetingIdInPath().Match(Path).Groups["id"].Value, CultureInfo.InvariantCulture);
        var report = new { eventId = Guid.NewGuid(), meetingId, kind = "joined", reason = (string?)null, participant = new { self = true } };
        var ack = await _attendanceHub.InvokeAsync<JsonElement>("Report", report);
        if (ack.TryGetProperty("refused", out var refused) && refused.ValueKind == JsonValueKind.String)
        {
            LastError = $"attendance refused: {refused.GetString()}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_circuit is not null)
        {
            await _circuit.DisposeAsync();
        }

        await DisconnectCircuitAsync();

        if (_attendanceHub is not null)
        {
            await _attendanceHub.DisposeAsync();
        }

        _http.Dispose();
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("""<!--Blazor:(?<json>\{.*?\})-->""", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("""<!--\s*Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)\s*-->""")]
    private static partial Regex ComponentState();

    [GeneratedRegex("""/meetings/(?<id>\d+)/""")]
    private static partial Regex MeetingIdInPath();
}

/// <summary>
/// Reads a render batch in the layout blazor.web.js reads (OutOfProcessRenderBatch.ts): the last five int32 give the
/// offsets of the updated components, reference frames, disposed component ids, disposed event handler ids and the
/// string table; a reference frame is 20 bytes (type, then type-specific ints; an attribute: name string index, value
/// string index, event handler id as uint64).
/// </summary>
internal static class RenderBatchReader
{
    private const int AttributeFrame = 3;

    /// <summary>The last event handler id the batch assigns to an attribute named <paramref name="attribute"/>, or 0.</summary>
    public static long FindEventHandler(byte[] batch, string attribute)
    {
        var span = batch.AsSpan();
        if (span.Length < 20)
        {
            return 0;
        }

        var frames = BitConverter.ToInt32(span[^16..]);
        var strings = BitConverter.ToInt32(span[^4..]);
        var count = BitConverter.ToInt32(span[frames..]);
        long found = 0;
        for (var i = 0; i < count; i++)
        {
            var frame = span.Slice(frames + 4 + (i * 20), 20);
            if (BitConverter.ToInt32(frame) != AttributeFrame)
            {
                continue;
            }

            var handler = (long)BitConverter.ToUInt64(frame[12..]);
            if (CircuitUser.Trace && handler != 0)
            {
                Console.Error.WriteLine($"  handler {handler} on {ReadString(span, strings, BitConverter.ToInt32(frame[4..]))}");
            }

            if (handler != 0 && ReadString(span, strings, BitConverter.ToInt32(frame[4..])) == attribute)
            {
                found = handler;
            }
        }

        return found;
    }

    private static string? ReadString(ReadOnlySpan<byte> batch, int table, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var at = BitConverter.ToInt32(batch[(table + (index * 4))..]);
        // BinaryWriter's 7-bit encoded length, then UTF-8.
        int length = 0, shift = 0;
        byte b;
        do
        {
            b = batch[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return System.Text.Encoding.UTF8.GetString(batch.Slice(at, length));
    }
}

/// <summary>
/// A browser's cookie jar for one loopback origin: the portal's cookies are <c>Secure</c>, which a browser sends to
/// http://127.0.0.1 (a potentially trustworthy origin) but .NET's CookieContainer does not. Follows redirects itself
/// so that the cookies set on each hop (the sign-in's redirect) are kept.
/// </summary>
internal sealed class LoopbackCookieJar(Dictionary<string, string> cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public static string Header(Dictionary<string, string> cookies)
    {
        lock (cookies)
        {
            return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            request.Headers.Remove("Cookie");
            var header = Header(cookies);
            if (header.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                lock (cookies)
                {
                    foreach (var cookie in set)
                    {
                        var pair = cookie.Split(';', 2)[0];
                        var eq = pair.IndexOf('=', StringComparison.Ordinal);
                        var name = pair[..eq].Trim();
                        var value = pair[(eq + 1)..].Trim();
                        if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        {
                            cookies.Remove(name);
                        }
                        else
                        {
                            cookies[name] = value;
                        }
                    }
                }
            }

            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || hop >= 10)
            {
                return response;
            }

            var next = new Uri(request.RequestUri!, location);
            var method = (int)response.StatusCode is 307 or 308 ? request.Method : HttpMethod.Get;
            response.Dispose();
            var agent = request.Headers.UserAgent.ToString();
            request = new HttpRequestMessage(method, next);
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
        }
    }
}
