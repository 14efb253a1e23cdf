using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Attendance.Webhooks;
using ZoomPortal.Zoom;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Features.Attendance;

internal static class AttendanceSetup
{
    /// <summary>The SignalR browser client (npm <c>@microsoft/signalr</c>), embedded and served by the portal itself.</summary>
    public const string SignalRScriptPath = "/attendance/signalr.min.js";
    private const string ScriptResourcePrefix = "ZoomPortal.Attendance";

    public static WebApplicationBuilder AddAttendance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AttendanceOptions>().BindConfiguration(AttendanceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZoomWebhookOptions>, ZoomWebhookOptionsValidator>();
        services.AddOptions<ZoomWebhookOptions>()
            .BindConfiguration(ZoomWebhookOptions.SectionName)
            .PostConfigure<IOptions<ZoomOptions>>((webhooks, zoom) =>
            {
                if (zoom.Value.Mode == ZoomMode.Sandbox)
                {
                    // The sandbox sends its own signed webhooks; a real secret never goes to it.
                    webhooks.Enabled = true;
                    webhooks.SecretToken = SandboxWebhookSecret.SecretToken;
                }
            })
            .ValidateOnStart();

        // AddHubOptions marks the hub's options as its own (else SignalR uses the global ones and ignores these).
        services.AddSignalR().AddHubOptions<AttendanceHub>(_ => { });
        services.AddOptions<HubOptions<AttendanceHub>>().Configure<IOptions<AttendanceOptions>>((hub, attendance) =>
        {
            hub.MaximumReceiveMessageSize = attendance.Value.MaxMessageBytes;
            hub.MaximumParallelInvocationsPerClient = 1;
            hub.AddFilter<ClientGoneFilter>();
            hub.AddFilter<AttendanceRateLimitFilter>();
        });
        services.AddSingleton<ClientGoneFilter>();
        services.AddSingleton<AttendanceRateLimitFilter>();
        services.AddSingleton<AttendanceAccess>();
        services.AddSingleton<AttendanceRecorder>();
        services.AddSingleton<AttendanceWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AttendanceWriter>());
        services.AddSingleton<AttendanceRoster>();
        services.AddSingleton<RosterResync>();
        services.AddSingleton<ZoomWebhookQueueSignal>();
        services.AddSingleton<ZoomWebhookActivity>();
        services.AddSingleton<ZoomPortal.Features.Alerts.IWebhookActivity>(sp => sp.GetRequiredService<ZoomWebhookActivity>());
        services.AddSingleton<ZoomWebhookProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ZoomWebhookProcessor>());
        if (services.Any(d => d.ServiceType == typeof(ZoomSandboxHost)))
        {
            // The sandbox plays Zoom: it sends signed webhooks for what happens in its meetings.
            services.AddHttpClient(SandboxWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<SandboxWebhookSender>();
            services.AddHostedService(sp => sp.GetRequiredService<SandboxWebhookSender>());
        }

        return builder;
    }

    public static WebApplication MapAttendance(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(AttendanceSetup).Assembly, ScriptResourcePrefix),
            RequestPath = "/attendance",
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl = "no-cache",
        });

        // Anonymous: Zoom's signature is the credential.
        app.MapPost(ZoomWebhookEndpoint.Path, ZoomWebhookEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery();
        app.MapHub<AttendanceHub>(AttendanceHub.Path);
        app.MapGet(AttendanceCsv.Path, AttendanceCsv.ExportAsync).RequireAuthorization();
        return app;
    }
}
