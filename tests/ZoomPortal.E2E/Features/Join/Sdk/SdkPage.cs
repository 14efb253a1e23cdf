using System.Text.Json;
using ZoomPortal.Features.Join.Sdk;

namespace ZoomPortal.E2E.Features.Join.Sdk;

/// <summary>Drives the portal's SDK loader from a portal page, as the join page's module does.</summary>
internal static class SdkPage
{
    // A static page of the app: no circuit re-renders the body under the SDK's root element.
    public const string AnyAppPage = "/authentication/dev-signin";

    private const string ComponentViewJoin = """
        async ({ config, join }) => {
            const loader = await import('/zoom-sdk/loader.js');
            const started = performance.now();
            const ZoomMtgEmbedded = await loader.loadComponentView(config);
            const loaded = performance.now();
            const client = ZoomMtgEmbedded.createClient();
            let root = document.getElementById('zoom-root');
            if (!root) {
                root = document.createElement('div');
                root.id = 'zoom-root';
                // Above the app's drawer and app bar, as the join page's own container would be laid out.
                root.style.cssText = 'position:fixed;left:0;right:0;bottom:0;min-height:300px;z-index:5000;background:#fff';
                document.body.append(root);
            }
            await client.init({ zoomAppRoot: root, assetPath: loader.assetPathOf(config), language: 'en-US' });
            const initialised = performance.now();
            const events = [];
            for (const name of ['connection-change', 'user-added', 'user-removed']) {
                client.on(name, payload => events.push({ name, payload }));
            }
            if (!join) {
                return { loadMs: loaded - started, initMs: initialised - started };
            }
            try {
                await client.join(join);
                return { joined: true, events, joinMs: performance.now() - initialised, attendees: client.getAttendeeslist().length };
            } catch (error) {
                return { joined: false, joinMs: performance.now() - initialised,
                    error: error instanceof Error ? { name: error.name, message: error.message } : error };
            }
        }
        """;

    public static object Config(ZoomSdkClientConfig config) =>
        new { standIn = config.StandIn, assetBase = config.AssetBase, sandboxEndpoint = config.SandboxEndpoint };

    /// <summary>Loads and inits the Component View, then joins with <paramref name="join"/> (or stops after init when null).</summary>
    public static async Task<JsonElement> ComponentViewAsync(IPage page, ZoomSdkClientConfig config, object? join)
    {
        var result = await page.EvaluateAsync<JsonElement>(ComponentViewJoin, new { config = Config(config), join });
        return result;
    }
}
