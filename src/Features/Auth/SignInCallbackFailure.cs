using System.Net;
using Microsoft.AspNetCore.Authentication;

namespace ZoomPortal.Features.Auth;

/// <summary>
/// A sign-in callback that cannot be completed (forged or replayed state, a provider error, an expired correlation
/// cookie): 400 with a page that says what to do, and a warning that names the reason without a stack trace.
/// </summary>
internal static partial class SignInCallbackFailure
{
    private const int MaxReasonLength = 200;

    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Sign-in didn't complete - ZoomPortal</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
        <main>
        <h1>Sign-in didn't complete</h1>
        <p>The answer from your sign-in provider could not be used, for example because the sign-in page was open too
        long or was opened twice. Nothing was changed.</p>
        <p><a href="/authentication/login">Sign in again</a> or go to the <a href="/">home page</a>.</p>
        </main>
        </body>
        </html>
        """;

    public static async Task HandleAsync(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInCallbackFailure).FullName!);
        LogRefused(logger, context.Failure?.GetType().Name ?? "unknown", Bounded(context.Failure?.Message));
        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = (int)HttpStatusCode.BadRequest;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(Page, context.HttpContext.RequestAborted);
    }

    // The reason can quote what the caller sent (an error_description): keep it short and on one line.
    private static string Bounded(string? message)
    {
        var text = new string((message ?? string.Empty).Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        return text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in callback refused ({FailureType}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string failureType, string reason);
}
