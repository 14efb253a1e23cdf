using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ZoomPortal.Zoom.Sandbox.Sdk;

/// <summary>The SDK stand-in's scripts and the web join endpoint it calls; both exist only in Sandbox mode.</summary>
internal static class SandboxSdkEndpoints
{
    /// <summary>Where the stand-in posts joins, like the real SDK posting to Zoom's <c>/api/v1/wc/info</c>.</summary>
    public const string JoinPath = "/zoom-sandbox/web/join";

    /// <summary>The stand-in's ES modules (<c>zoomMtgEmbedded.js</c>, <c>zoomMtg.js</c>).</summary>
    public const string StandInPath = "/zoom-sandbox/sdk";

    public const int MaxBodyBytes = 16 * 1024;
    private const string StandInResourcePrefix = "ZoomPortal.ZoomSandboxSdk";

    public static IServiceCollection AddSandboxSdk(this IServiceCollection services)
    {
        // The rules need the sandbox account, which exists only in Sandbox mode.
        if (services.Any(d => d.ServiceType == typeof(ZoomSandboxHost)))
        {
            services.AddSingleton<SandboxWebJoin>();
        }

        return services;
    }

    public static WebApplication MapSandboxSdk(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(SandboxSdkEndpoints).Assembly, StandInResourcePrefix),
            RequestPath = StandInPath,
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl = "no-cache",
        });

        // Anonymous like Zoom's web API: the signature is the credential.
        app.MapPost(JoinPath, JoinAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> JoinAsync(HttpContext context, SandboxWebJoin rules, ZoomSandboxHost host, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) ||
            !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest("The body must be JSON (Content-Type: application/json).");
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return BadRequest($"The body is larger than {MaxBodyBytes} bytes.");
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxBodyBytes)
            {
                return BadRequest($"The body is larger than {MaxBodyBytes} bytes.");
            }
        }

        SandboxWebJoinRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(buffer.AsSpan(0, length), SandboxSdkJson.Default.SandboxWebJoinRequest);
        }
        catch (JsonException)
        {
            return BadRequest("The body is not a join request: expected a JSON object with signature, meetingNumber, userName and optional password, userEmail, customerKey, zak (all strings).");
        }

        if (request is null)
        {
            return BadRequest("The body must be a JSON object.");
        }

        if (Problem(request) is { } problem)
        {
            return BadRequest(problem);
        }

        var server = await host.EnsureStartedAsync(cancellationToken);
        var answer = rules.Check(request, server.JoinNow);
        if (answer.Status && server.TakeConnectionError())
        {
            answer = new SandboxWebJoinAnswer { Status = true, Result = answer.Result, ConnectionError = true };
        }

        return Results.Json(answer, SandboxSdkJson.Default.SandboxWebJoinAnswer);
    }

    /// <summary>What is wrong with the request's fields (the limits the real SDK checks in the browser), or null.</summary>
    internal static string? Problem(SandboxWebJoinRequest request)
    {
        if (string.IsNullOrEmpty(request.Signature) || request.Signature.Length > 4096)
        {
            return "signature is required (at most 4096 characters).";
        }

        if (string.IsNullOrEmpty(request.MeetingNumber) || request.MeetingNumber.Length > 15 || !request.MeetingNumber.All(char.IsAsciiDigit))
        {
            return "meetingNumber is required: 1 to 15 digits.";
        }

        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 128)
        {
            return "userName is required (at most 128 characters).";
        }

        return request switch
        {
            { Password.Length: > 32 } => "password has at most 32 characters.",
            { UserEmail.Length: > 100 } => "userEmail has at most 100 characters.",
            { CustomerKey.Length: > 36 } => "customerKey has at most 36 characters.",
            { Zak.Length: > 4096 } => "zak has at most 4096 characters.",
            _ => null,
        };
    }

    private static IResult BadRequest(string error) =>
        Results.Json(new SandboxBadRequest(error), SandboxSdkJson.Default.SandboxBadRequest, statusCode: StatusCodes.Status400BadRequest);
}
