// The live roster's link to the attendance hub: joins the meeting's group and forwards hints to the circuit, which
// reads the roster from the database (the hint carries nothing the page trusts).
import { openConnection } from '/attendance/attendanceConnection.js';

let current = null;

export async function watch(dotnet, meetingId) {
    await stop();
    current = await openConnection({
        handlers: {
            // One message per stored batch: a list of changes (the page rereads once and announces the latest).
            RosterChanged: changes => {
                const mine = (Array.isArray(changes) ? changes : [changes]).filter(c => c?.meetingId === meetingId);
                if (mine.length === 0) return;
                const change = mine[mine.length - 1];
                dotnet.invokeMethodAsync('OnRosterChanged', change.displayName ?? null, kindName(change.kind)).catch(() => { });
            },
        },
        onUp: async connection => {
            // Groups do not survive a reconnect: join again, then the page rereads what it missed. A refusal (false)
            // is final; a failure (e.g. the Redis backplane is down, so the group cannot be joined) is retried while
            // this connection stays up, or the roster would say "Connecting…" on a live connection until the next drop.
            for (let attempt = 0; ; attempt++) {
                try {
                    const allowed = await connection.invoke('WatchMeeting', meetingId);
                    dotnet.invokeMethodAsync('OnConnectionChanged', allowed === true).catch(() => { });
                    return;
                } catch {
                    if (connection.state !== 'Connected') return; // the reconnect calls onUp again
                    await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * 2 ** Math.min(attempt, 4))));
                    if (connection.state !== 'Connected') return;
                }
            }
        },
        onDown: () => dotnet.invokeMethodAsync('OnConnectionChanged', false).catch(() => { }),
    });
}

function kindName(kind) {
    return { 1: 'Joined', 2: 'Left', 3: 'WaitingEntered', 4: 'WaitingLeft' }[kind] ?? null;
}

export async function stop() {
    const link = current;
    current = null;
    await link?.stop().catch(() => { });
}
