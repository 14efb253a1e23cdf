namespace ZoomPortal.Features.Join;

internal static class JoinSetup
{
    public static WebApplicationBuilder AddJoin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JoinOptions>().BindConfiguration(JoinOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JoinLimits>();
        services.AddSingleton<JoinService>();
        return builder;
    }
}
