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
            // Groups do not survive a reconnect: join again, then the page rereads what it missed.
            const allowed = await connection.invoke('WatchMeeting', meetingId).catch(() => false);
            dotnet.invokeMethodAsync('OnConnectionChanged', allowed === true).catch(() => { });
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
