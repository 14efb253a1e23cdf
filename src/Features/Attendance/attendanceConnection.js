// One SignalR connection to the attendance hub, shared by the modules of a page. The browser client is the npm
// package @microsoft/signalr, served by the portal itself (no CDN).
const HUB_PATH = '/hubs/attendance';
const SCRIPT_PATH = '/attendance/signalr.min.js';

let signalRLoad = null;

async function loadSignalR() {
    signalRLoad ??= import(SCRIPT_PATH).then(() => self.signalR);
    return signalRLoad;
}

/**
 * Opens a connection that reconnects for ever (backing off to 10 s). `onUp()` runs after every (re)connect, so the
 * caller re-joins its groups (with the connection it is given) and resyncs; `onDown()` when the connection drops.
 */
export async function openConnection({ onUp, onDown, handlers }) {
    const signalR = await loadSignalR();
    const connection = new signalR.HubConnectionBuilder()
        .withUrl(HUB_PATH)
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * 2 ** Math.min(ctx.previousRetryCount, 5)) })
        .configureLogging(signalR.LogLevel.Warning)
        .build();
    for (const [name, handler] of Object.entries(handlers ?? {})) {
        connection.on(name, handler);
    }

    let stopped = false;
    connection.onreconnecting(() => onDown?.());
    connection.onreconnected(() => onUp?.(connection));
    connection.onclose(() => {
        onDown?.();
        // Automatic reconnect gave up (or the server ended it): start again unless the page stopped us.
        if (!stopped) setTimeout(start, 5000);
    });

    async function start() {
        if (stopped) return;
        try {
            await connection.start();
            await onUp?.(connection);
        } catch {
            setTimeout(start, 5000);
        }
    }

    await start();
    return {
        connection,
        async stop() {
            stopped = true;
            await connection.stop();
        },
    };
}
