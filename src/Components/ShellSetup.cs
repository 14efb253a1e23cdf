using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace ZoomPortal.Components;

internal static class ShellSetup
{
    public static WebApplicationBuilder AddPortalShell(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOptions<CircuitLimitsOptions>().BindConfiguration(CircuitLimitsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimitsOptions>>((circuit, limits) => limits.Value.ApplyTo(circuit));
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);

        return builder;
    }

    public static WebApplication UsePortalShell(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The not-found page is for people navigating. Re-executing a POST against it trips the page's antiforgery
        // check and turns a 404 into a 400, so requests other than GET and HEAD keep their own status code.
        app.Use(static (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) &&
                context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalShell(this WebApplication app)
    {
        app.MapStaticAssets();
        // SecurityHeaders sends the whole CSP, frame-ancestors included.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
