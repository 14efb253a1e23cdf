using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZoomPortal.Zoom;

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

        // The Zoom client registers the measuring clock; without it the app still starts and signs on this server's clock.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IZoomClock, SystemZoomClock>();
        services.AddSingleton<MeetingSignatureSigner>();
        return builder;
    }
}
