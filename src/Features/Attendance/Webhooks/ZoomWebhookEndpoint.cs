using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>
/// <c>POST /api/zoom/webhooks</c>: verifies, answers <c>endpoint.url_validation</c>, and queues every other event in
/// the database before answering, so Zoom hears back within its 3 s and a crash loses nothing. A retry of a queued
/// delivery (same body) is acknowledged again and queued once.
/// </summary>
internal static partial class ZoomWebhookEndpoint
{
    public const string Path = "/api/zoom/webhooks";
    public const int MaxBodyBytes = 64 * 1024;
    public const string UrlValidation = "endpoint.url_validation";

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<ZoomWebhookOptions> options,
        IDbContextFactory<PortalDbContext> dbFactory,
        ZoomWebhookQueueSignal signal,
        ZoomWebhookActivity activity,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ZoomWebhookEndpoint).FullName!);
        var settings = options.Value;
        if (!settings.Enabled || string.IsNullOrEmpty(settings.SecretToken))
        {
            return Results.NotFound();
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            LogRejected(logger, "body missing or larger than the limit");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var secret = Encoding.UTF8.GetBytes(settings.SecretToken);
        var check = ZoomWebhookVerifier.Check(
            body, http.Request.Headers["x-zm-request-timestamp"], http.Request.Headers["x-zm-signature"], secret,
            time.GetUtcNow(), settings.TimestampTolerance);
        if (check != WebhookCheck.Valid)
        {
            LogRejected(logger, check.ToString());
            return Results.Unauthorized();
        }

        activity.Received(time.GetUtcNow());

        string eventName;
        string? plainToken = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.String ||
                e.GetString() is not { Length: > 0 and <= 100 } name)
            {
                return Results.BadRequest();
            }

            eventName = name;
            if (eventName == UrlValidation &&
                root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object &&
                payload.TryGetProperty("plainToken", out var token) && token.ValueKind == JsonValueKind.String)
            {
                plainToken = token.GetString();
            }
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (eventName == UrlValidation)
        {
            if (string.IsNullOrEmpty(plainToken) || plainToken.Length > 256)
            {
                return Results.BadRequest();
            }

            LogValidated(logger);
            return Results.Json(new UrlValidationAnswer(plainToken, ZoomWebhookVerifier.EncryptToken(plainToken, secret)));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var queued = await EnqueueAsync(dbFactory, hash, eventName, body, time.GetUtcNow().UtcDateTime, http.RequestAborted);
        LogReceived(logger, eventName, queued ? "queued" : "already queued");
        if (queued)
        {
            signal.Notify();
        }

        return Results.Ok();
    }

    private static async Task<bool> EnqueueAsync(IDbContextFactory<PortalDbContext> dbFactory, string hash, string eventName, byte[] body, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookDeliveries.AnyAsync(d => d.BodyHash == hash, cancellationToken))
        {
            return false;
        }

        db.WebhookDeliveries.Add(new WebhookDelivery { BodyHash = hash, Event = eventName, Body = Encoding.UTF8.GetString(body), ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Zoom's retry raced its first delivery: the unique hash kept one row. Anything else is a real failure.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await check.WebhookDeliveries.AnyAsync(d => d.BodyHash == hash, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>The raw bytes, or null when there are none or more than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxBodyBytes)
            {
                return null;
            }
        }

        return length == 0 ? null : buffer[..length];
    }

    // Never the body, the signature or the secret.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoom webhook rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zoom webhook {Event} {Outcome}")]
    private static partial void LogReceived(ILogger logger, string @event, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zoom webhook endpoint validation answered")]
    private static partial void LogValidated(ILogger logger);
}

internal sealed record UrlValidationAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("plainToken")] string PlainToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("encryptedToken")] string EncryptedToken);
