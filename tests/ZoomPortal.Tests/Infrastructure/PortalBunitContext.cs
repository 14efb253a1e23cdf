using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ZoomPortal.Tests.Infrastructure;

/// <summary>
/// The one bUnit context for page and component tests: MudBlazor's services, loose JS interop, an authorization
/// context and an interactive server renderer. Derive from it, or create one per test with the services the page
/// needs (they must be added before the renderer resolves any, so they come in through the constructor).
/// </summary>
public class PortalBunitContext : BunitContext, IAsyncLifetime
{
    public PortalBunitContext()
        : this(null)
    {
    }

    /// <param name="addServices">Adds the page's own services (databases, fakes, options) before anything resolves them.</param>
    public PortalBunitContext(Action<IServiceCollection>? addServices)
    {
        Services.AddMudServices();
        Services.AddLogging();
        // IStringLocalizer<SharedResource>: pages render in the thread's culture (English unless a test switches it).
        Services.AddLocalization();
        addServices?.Invoke(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Who the rendered components see as signed in (anonymous until a test says otherwise).</summary>
    public BunitAuthorizationContext Authorization { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit v2 disposes through IAsyncLifetime.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
