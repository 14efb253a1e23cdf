using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Join.Signing;

internal static class JoinSigningSetup
{
    public static WebApplicationBuilder AddJoinSigning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MeetingSdkOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<MeetingSdkOptions>>(provider => provider.GetRequiredService<MeetingSdkOptionsSetup>());
        services.AddSingleton<IValidateOptions<MeetingSdkOptions>>(provider => provider.GetRequiredService<MeetingSdkOptionsSetup>());
        services.AddOptions<MeetingSdkOptions>().BindConfiguration(MeetingSdkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Signs on Zoom's clock (IZoomClock) and in Zoom's mode (ZoomOptions), both registered by AddZoom().
        services.AddSingleton<MeetingSignatureSigner>();
        return builder;
    }
}
