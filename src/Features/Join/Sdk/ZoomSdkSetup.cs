using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ZoomPortal.Zoom.Sandbox;
using ZoomPortal.Zoom.Sandbox.Sdk;

namespace ZoomPortal.Features.Join.Sdk;

internal static class ZoomSdkSetup
{
    // The path carries the version, so a file never changes under its URL.
    private const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    private const string RevalidateCacheControl = "no-cache";
    private const string LoaderResourcePrefix = "ZoomPortal.ZoomSdk";

    public static WebApplicationBuilder AddZoomSdk(this WebApplicationBuilder builder)
    {
        var package = ZoomSdkPackage.Locate(builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(package);
        builder.Services.AddSingleton<ZoomSdkOptionsSetup>();
        builder.Services.AddSingleton<IPostConfigureOptions<ZoomSdkOptions>>(sp => sp.GetRequiredService<ZoomSdkOptionsSetup>());
        builder.Services.AddSingleton<IValidateOptions<ZoomSdkOptions>>(sp => sp.GetRequiredService<ZoomSdkOptionsSetup>());
        builder.Services.AddOptions<ZoomSdkOptions>().BindConfiguration(ZoomSdkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ZoomSdkAssets>();
        builder.Services.AddSandboxSdk();
        return builder;
    }

    /// <summary>The loader, the self-hosted SDK files and, in Sandbox mode, the stand-in and its join endpoint.</summary>
    public static WebApplication MapZoomSdk(this WebApplication app)
    {
        // Nothing here resolves options: a bad setting must surface from start-up validation, with all its messages.
        var package = app.Services.GetRequiredService<ZoomSdkPackage>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ZoomSdkSetup).Assembly, LoaderResourcePrefix),
            RequestPath = ZoomSdkAssets.SelfHostedPath,
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl = RevalidateCacheControl,
        });

        if (package.DistFolder is { } dist)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                // Its own provider, outside the static web assets pipeline: 105 MB would be fingerprinted and precompressed on publish.
                FileProvider = new PhysicalFileProvider(dist),
                RequestPath = $"{ZoomSdkAssets.SelfHostedPath}/{package.Version}",
                ContentTypeProvider = SdkContentTypes(),
                OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl = ImmutableCacheControl,
            });
        }

        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(ZoomSandboxHost)))
        {
            app.MapSandboxSdk();
        }

        return app;
    }

    private static FileExtensionContentTypeProvider SdkContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".json"] = "application/json";
        types.Mappings[".cur"] = "image/x-icon";
        types.Mappings[".bin"] = "application/octet-stream";
        return types;
    }
}
