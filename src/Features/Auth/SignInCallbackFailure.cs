using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Auth;

/// <summary>
/// A sign-in callback that cannot be completed (forged or replayed state, a provider error, an expired correlation
/// cookie, the user saying no at the provider): 400 with a page that says what happened and what to do, in the user's
/// language (request localisation runs before authentication), and a warning that names the reason without a stack trace.
/// The page is written here, not by a Razor page: the callback is answered inside the authentication middleware.
/// </summary>
internal static partial class SignInCallbackFailure
{
    private const int MaxReasonLength = 200;

    // The remote authentication handler's text for a missing or mismatched correlation cookie (RemoteAuthenticationHandler).
    private const string CorrelationFailed = "Correlation failed.";

    private static StaticText L => StaticText.Instance;

    /// <summary>Why the sign-in did not complete, as the user can act on it.</summary>
    internal enum Reason
    {
        /// <summary>Anything else: a forged or garbled answer, a provider error.</summary>
        Unusable,

        /// <summary>The answer does not match a sign-in this browser started (open too long, opened twice, cookies blocked).</summary>
        Expired,

        /// <summary>The user cancelled at the provider, or the provider refused (OAuth <c>error=access_denied</c>).</summary>
        Denied,
    }

    public static Task HandleAsync(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInCallbackFailure).FullName!);
        LogRefused(logger, context.Failure?.GetType().Name ?? "unknown", Bounded(context.Failure?.Message));
        context.HandleResponse();
        var reason = context.Failure?.Message == CorrelationFailed ? Reason.Expired : Reason.Unusable;
        return WriteAsync(context.HttpContext, reason);
    }

    /// <summary>The provider answered <c>access_denied</c> to a sign-in this browser started: not an attack, a choice.</summary>
    public static Task HandleAccessDeniedAsync(AccessDeniedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInCallbackFailure).FullName!);
        LogDenied(logger);
        context.HandleResponse();
        return WriteAsync(context.HttpContext, Reason.Denied);
    }

    private static async Task WriteAsync(HttpContext http, Reason reason)
    {
        var response = http.Response;
        response.StatusCode = (int)HttpStatusCode.BadRequest;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(Page(reason), http.RequestAborted);
    }

    /// <summary>The page in the current UI culture; every text HTML-encoded.</summary>
    internal static string Page(Reason reason)
    {
        static string H(string text) => HtmlEncoder.Default.Encode(text);
        var title = H(L["SignInFailed.Title"]);
        var explanation = H(reason switch
        {
            Reason.Expired => L["SignInFailed.Expired"],
            Reason.Denied => L["SignInFailed.Denied"],
            _ => L["SignInFailed.Unusable"],
        });
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return $$"""
            <!DOCTYPE html>
            <html lang="{{H(language)}}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <meta name="color-scheme" content="light dark" />
            <style>
            body { background: #fff; color: #1f1f1f } a { color: #0b57d0 }
            @media (prefers-color-scheme: dark) { body { background: #121212; color: #e8eaed } a { color: #8ab4f8 } }
            </style>
            <title>{{title}} - ZoomPortal</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
            <main>
            <h1>{{title}}</h1>
            <p data-reason="{{reason}}">{{explanation}} {{H(L["SignInFailed.NothingChanged"])}}</p>
            <p><a href="/authentication/login">{{H(L["SignInFailed.SignInAgain"])}}</a> · <a href="/">{{H(L["SignInFailed.Home"])}}</a></p>
            </main>
            </body>
            </html>
            """;
    }

    // The reason can quote what the caller sent (an error_description): keep it short and on one line.
    private static string Bounded(string? message)
    {
        var text = new string((message ?? string.Empty).Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray());
        return text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in callback refused ({FailureType}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string failureType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in cancelled or refused at the provider (access_denied)")]
    private static partial void LogDenied(ILogger logger);
}
