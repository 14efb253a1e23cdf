using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Auth.Sessions;

namespace ZoomPortal.Features.Admin;

internal static class AdminSetup
{
    public const string ExportPath = "/admin/join-errors/export.csv";
    public const string EndSessionsPath = "/admin/sessions/end";

    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JoinAttemptQuery>();
        services.AddSingleton<JoinAttemptRecorder>();
        services.AddSingleton<ZoomIntegrationStatus>();
        services.AddHostedService<JoinAttemptRetention>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        // Signed-in users only (others are sent to sign in); the Admin role is checked in the handler so that a
        // non-admin gets a plain 403, not the cookie handler's redirect to the access-denied page.
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization();
        app.MapPost(EndSessionsPath, EndSessionsAsync).RequireAuthorization();
        return app;
    }

    /// <summary>An administrator signs one person out everywhere (a form post with an antiforgery token).</summary>
    private static async Task<IResult> EndSessionsAsync([FromForm] string? userId, HttpContext http, PortalSessionStore sessions)
    {
        if (!http.User.IsInRole(PortalRoles.Admin))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 128)
        {
            return TypedResults.BadRequest("userId must name a signed-in user (at most 128 characters).");
        }

        var ended = await sessions.EndAllForUserAsync(userId, PortalSessionEnd.EndedByAdmin, http.RequestAborted);
        return TypedResults.LocalRedirect($"/admin/sessions?ended={ended}");
    }

    private static async Task ExportAsync([AsParameters] ExportParameters parameters, HttpContext http, JoinAttemptQuery query, IOptions<AdminOptions> options)
    {
        if (!http.User.IsInRole(PortalRoles.Admin))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var filter = parameters.ToFilter();
        var settings = options.Value;
        Func<string, string> userId = settings.PseudonymiseExports
            ? ExportPseudonymiser.ForExport(settings.PseudonymKey).Pseudonymise
            : id => id;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"join-attempts.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        await JoinAttemptCsv.WriteAsync(writer, query.StreamAsync(filter, http.RequestAborted), userId, http.RequestAborted);
    }
}

/// <summary>The export's query string; every part optional (a plain bool would be a required parameter).</summary>
internal sealed record ExportParameters(
    bool? All,
    DateTime? From,
    DateTime? To,
    Join.Errors.JoinErrorCategory? Category,
    int? Code,
    long? Meeting,
    string? User,
    string? Browser,
    string? SdkVersion,
    string? SdkView,
    Join.Attempts.JoinAttemptOutcome? JoinOutcome,
    string? SupportCode)
{
    public JoinAttemptFilter ToFilter() => new()
    {
        All = All ?? false,
        From = From,
        To = To,
        Category = Category,
        Code = Code,
        Meeting = Meeting,
        User = User,
        Browser = Browser,
        SdkVersion = SdkVersion,
        SdkView = SdkView,
        JoinOutcome = JoinOutcome,
        SupportCode = SupportCode,
    };
}
