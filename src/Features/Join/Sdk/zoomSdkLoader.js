// Loads the Zoom Meeting SDK for Web (or, in Sandbox mode, the portal's stand-in) into the page, once.
// Served at /zoom-sdk/loader.js (ZoomSdkAssets.LoaderUrl). `config` comes from the server (ZoomSdkAssets.ClientConfig):
//   { standIn: boolean, assetBase: '/zoom-sdk/6.2.0' | 'https://source.zoom.us/6.2.0', sandboxEndpoint: '/zoom-sandbox/web/join' | null }
// Every SDK file is assetUrl(config, file) = assetBase + '/' + file: the one asset-path rule (the join page uses it too).
// Component View init: client.init({ zoomAppRoot, assetPath: assetPathOf(config), language: 'en-US', ... }): the
// assetUrl of 'lib/av' made absolute against the page (the wasm and media workers; already absolute on Zoom's CDN).
// The real SDK only comes as classic scripts that define globals (React, ReactDOM, ZoomMtgEmbedded, ZoomMtg...):
// those globals are Zoom's, not ours. The stand-in is an ES module and defines none.

const standInBase = '/zoom-sandbox/sdk';
const scripts = new Map();
let componentView = null;
let clientView = null;

/** Resolves to the ZoomMtgEmbedded namespace (Component View). Idempotent; rejects with an Error naming what failed. */
export function loadComponentView(config) {
    componentView ??= retryable(config.standIn
        ? importStandIn('zoomMtgEmbedded.js').then(m => m.createZoomMtgEmbedded(config.sandboxEndpoint))
        : loadScripts(config, ['lib/vendor/react.min.js', 'lib/vendor/react-dom.min.js', componentScript(config)])
            .then(() => required('ZoomMtgEmbedded')), () => { componentView = null; });
    return componentView;
}

/** Resolves to ZoomMtg (Client View), with setZoomJSLib already pointing at assetBase. Idempotent. */
export function loadClientView(config) {
    clientView ??= retryable(config.standIn
        ? importStandIn('zoomMtg.js').then(m => m.createZoomMtg(config.sandboxEndpoint))
        : loadScripts(config, [
            'lib/vendor/react.min.js', 'lib/vendor/react-dom.min.js', 'lib/vendor/redux.min.js',
            'lib/vendor/redux-thunk.min.js', 'lib/vendor/lodash.min.js', `zoom-meeting-${versionOf(config)}.min.js`])
            .then(() => {
                const zoomMtg = required('ZoomMtg');
                zoomMtg.setZoomJSLib(assetUrl(config, 'lib'), '/av');
                return zoomMtg;
            }), () => { clientView = null; });
    return clientView;
}

/** Starts loading the Component View in the background (e.g. on the meeting page, before the user clicks Join). Never throws. */
export function preload(config) {
    try {
        loadComponentView(config).catch(() => { /* the join attempt reports it */ });
    } catch {
        // A bad config is reported by the join attempt too.
    }
}

/** The URL of a file of the SDK's dist folder: self-hosted (a path on this origin) or Zoom's CDN (absolute). */
export function assetUrl(config, file) {
    return isAbsolute(file) ? file : `${config.assetBase}/${file}`;
}

/** The Component View's init({ assetPath }): absolute, as the SDK fetches workers and wasm from it. */
export function assetPathOf(config) {
    return new URL(assetUrl(config, 'lib/av'), location.origin).href;
}

// A failed load is forgotten, so a later call (the user retrying) loads again instead of getting the old failure.
function retryable(promise, forget) {
    return promise.catch(error => {
        forget();
        throw error;
    });
}

function importStandIn(file) {
    const url = `${standInBase}/${file}`;
    return import(url).catch(error => {
        throw new Error(`Could not load the sandbox SDK stand-in ${url}: ${error.message}`);
    });
}

function versionOf(config) {
    return config.assetBase.substring(config.assetBase.lastIndexOf('/') + 1);
}

// npm's dist has the ES5 Component View build; Zoom's CDN names the same build by version.
function componentScript(config) {
    return isAbsolute(config.assetBase)
        ? `zoom-meeting-embedded-${versionOf(config)}.min.js`
        : 'zoom-meeting-embedded-ES5.min.js';
}

function isAbsolute(url) {
    return /^https?:\/\//i.test(url);
}

// Downloads in parallel, runs in order (async = false), each URL once per page.
function loadScripts(config, files) {
    return Promise.all(files.map(file => loadScript(assetUrl(config, file))));
}

function loadScript(url) {
    let loading = scripts.get(url);
    if (!loading) {
        loading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = url;
            script.async = false;
            script.onload = () => resolve();
            script.onerror = () => {
                scripts.delete(url);
                script.remove();
                reject(new Error(`Could not load the Zoom Meeting SDK script ${url}`));
            };
            document.head.append(script);
        });
        scripts.set(url, loading);
    }

    return loading;
}

function required(name) {
    const value = globalThis[name];
    if (!value) {
        throw new Error(`The Zoom Meeting SDK scripts loaded but did not define ${name}`);
    }

    return value;
}
