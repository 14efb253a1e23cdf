using ZoomPortal.Features.Meetings.Calendar;

namespace ZoomPortal.Features.Meetings;

internal static class MeetingsSetup
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MeetingsOptions>().BindConfiguration(MeetingsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeetingAccess>();
        services.AddSingleton<MeetingCatalogNotifier>();
        services.AddSingleton<MeetingCatalog>();
        services.AddSingleton<MeetingCatalogSync>();
        services.AddSingleton<MeetingSchedule>();
        services.AddHostedService<MeetingCatalogRefresher>();
        return builder;
    }

    public static WebApplication MapMeetings(this WebApplication app)
    {
        app.MapMeetingCalendar();
        return app;
    }
}
