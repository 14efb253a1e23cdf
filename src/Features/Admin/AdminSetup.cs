using System.Text;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth;

namespace ZoomPortal.Features.Admin;

internal static class AdminSetup
{
    public const string ExportPath = "/admin/join-errors/export.csv";

    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JoinAttemptQuery>();
        services.AddSingleton<ZoomIntegrationStatus>();
        services.AddHostedService<JoinAttemptRetention>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(policy => policy.RequireRole(PortalRoles.Admin));
        return app;
    }

    private static async Task ExportAsync([AsParameters] JoinAttemptFilter filter, HttpContext http, JoinAttemptQuery query, IOptions<AdminOptions> options)
    {
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
