using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Zoom.Sandbox.Sdk;

public sealed class SandboxJoinEndpointTests : IAsyncDisposable
{
    private const long LiveMeeting = 84512345671;
    private static readonly Uri JoinUri = new("/zoom-sandbox/web/join", UriKind.Relative);

    private readonly PortalAppFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Joins_with_a_signature_from_the_portals_signer()
    {
        using var client = _factory.CreateHttpsClient();

        var answer = await PostAsync(client, Request(Sign(LiveMeeting)));

        Assert.True(answer.GetProperty("status").GetBoolean());
        Assert.Equal("Weekly team sync", answer.GetProperty("result").GetProperty("topic").GetString());
    }

    [Fact]
    public async Task Connection_errors_mark_accepted_joins_only_and_are_used_up_one_by_one()
    {
        using var client = _factory.CreateHttpsClient();
        var sandbox = await _factory.Services.GetRequiredService<ZoomSandboxHost>().EnsureStartedAsync(CancellationToken.None);
        sandbox.ConnectionErrors = 1;

        var rejected = await PostAsync(client, Request(Sign(LiveMeeting), password: "000000"));
        var failing = await PostAsync(client, Request(Sign(LiveMeeting)));
        var fine = await PostAsync(client, Request(Sign(LiveMeeting)));

        Assert.False(rejected.GetProperty("connectionError").GetBoolean());
        Assert.Equal((true, true), (failing.GetProperty("status").GetBoolean(), failing.GetProperty("connectionError").GetBoolean()));
        Assert.Equal((true, false), (fine.GetProperty("status").GetBoolean(), fine.GetProperty("connectionError").GetBoolean()));
        Assert.Equal(0, sandbox.ConnectionErrors);
    }

    [Fact]
    public async Task Answers_invalid_signature_when_the_sandbox_clock_is_seven_minutes_behind()
    {
        using var client = _factory.CreateHttpsClient();
        var token = Sign(LiveMeeting);
        var sandbox = await _factory.Services.GetRequiredService<ZoomSandboxHost>().EnsureStartedAsync(CancellationToken.None);
        sandbox.ClockSkew = TimeSpan.FromMinutes(-7);

        var answer = await PostAsync(client, Request(token));

        Assert.False(answer.GetProperty("status").GetBoolean());
        Assert.Equal(200, answer.GetProperty("errorCode").GetInt32());
        Assert.Equal("Invalid signature.", answer.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Refuses_a_body_larger_than_16_KB_with_400()
    {
        using var client = _factory.CreateHttpsClient();
        var huge = Request(Sign(LiveMeeting)) + new string(' ', 20_000);

        using var response = await client.PostAsync(JoinUri, new StringContent(huge, Encoding.UTF8, "application/json"));

        await AssertBadRequestAsync(response, "larger than 16384 bytes");
    }

    [Fact]
    public async Task Refuses_a_chunked_body_larger_than_16_KB_with_400()
    {
        using var client = _factory.CreateHttpsClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 40_000))));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;

        using var response = await client.PostAsync(JoinUri, content);

        await AssertBadRequestAsync(response, "larger than 16384 bytes");
    }

    [Theory]
    [InlineData("text/plain", "{}", "must be JSON")]
    [InlineData("application/json", "not json", "not a join request")]
    [InlineData("application/json", "[1,2]", "not a join request")]
    [InlineData("application/json", "null", "must be a JSON object")]
    [InlineData("application/json", "{\"signature\":\"a.b.c\",\"meetingNumber\":84512345671,\"userName\":\"x\"}", "not a join request")]
    [InlineData("application/json", "{\"signature\":\"a.b.c\",\"meetingNumber\":\"84512345671\",\"userName\":\"x\",\"role\":1}", "not a join request")]
    [InlineData("application/json", "{}", "signature is required")]
    [InlineData("application/json", "{\"signature\":\"a.b.c\",\"userName\":\"x\"}", "meetingNumber is required")]
    [InlineData("application/json", "{\"signature\":\"a.b.c\",\"meetingNumber\":\"845x\",\"userName\":\"x\"}", "meetingNumber is required")]
    [InlineData("application/json", "{\"signature\":\"a.b.c\",\"meetingNumber\":\"84512345671\"}", "userName is required")]
    [InlineData("application/json", "{\"signature\":\"a.b.c\",\"meetingNumber\":\"84512345671\",\"userName\":\"x\",\"password\":\"123456789012345678901234567890123\"}", "password has at most 32")]
    public async Task Refuses_hostile_or_incomplete_input_with_400_and_a_clear_error(string contentType, string body, string expected)
    {
        using var client = _factory.CreateHttpsClient();

        using var response = await client.PostAsync(JoinUri, new StringContent(body, Encoding.UTF8, contentType));

        await AssertBadRequestAsync(response, expected);
    }

    [Fact]
    public async Task Serves_the_stand_in_scripts_in_sandbox_mode()
    {
        using var client = _factory.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri("/zoom-sandbox/sdk/zoomMtgEmbedded.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("export function createZoomMtgEmbedded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string Sign(long meetingNumber, int role = 0) =>
        _factory.Services.GetRequiredService<MeetingSignatureSigner>().Sign(meetingNumber, ZoomRole.FromValue(role)).Token;

    private static string Request(string signature, string password = "481516") => JsonSerializer.Serialize(new
    {
        signature,
        meetingNumber = LiveMeeting.ToString(System.Globalization.CultureInfo.InvariantCulture),
        password,
        userName = "Test User",
    });

    private static async Task<JsonElement> PostAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync(JoinUri, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string expected)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
