// Reports attendance from the join page to the attendance hub, through the join module's hooks:
//  - onJoined: the SDK is in the meeting. The attendee reports itself; the host also reports the others its SDK sees.
//    Component View: client.on('user-added' | 'user-removed' | 'user-updated' | 'connection-change').
//    Client View: ZoomMtg.inMeetingServiceListener('onUserJoin' | 'onUserLeave' | 'onUserUpdate' | 'onMeetingStatus').
//  - onWaitingForHost: the meeting has not started (3008); the hub's MeetingStarted joins at once.
// Every event has an id; it stays queued until the hub acknowledges it, and the queue is resent after a reconnect.
// Events go out in order, one invocation at a time: what queued while one was in flight (or within COALESCE_MS of the
// first) goes out together in one ReportBatch, as many as fit in MAX_BATCH events and MAX_BATCH_BYTES, each acknowledged
// on its own.
import { openConnection } from '/attendance/attendanceConnection.js';

const MAX_QUEUE = 500;
const MAX_BATCH = 20;
// The hub ends a connection whose message exceeds Attendance:MaxMessageBytes (4096 by default).
const MAX_BATCH_BYTES = 3500;
const COALESCE_MS = 5;
const TOO_MANY = 'Too many attendance events: slow down and resend.';
const encoder = new TextEncoder();

export async function attach(joinModule, meetingId, dotnet) {
  const state = {
    meetingId, dotnet, link: null, linking: null, connection: null, pending: new Map(), sending: false,
    waiting: null, offs: [], disposed: false,
  };
  state.offs.push(joinModule.onJoined(info => onJoined(state, info)));
  if (typeof joinModule.onWaitingForHost === 'function') {
    state.offs.push(joinModule.onWaitingForHost(wait => onWaiting(state, wait)));
  }
  // Connect while the user is still on the form, so that reporting the join costs nothing at join time.
  connect(state).catch(() => { });
  return { dispose: () => dispose(state) };
}

function connect(state) {
  state.linking ??= openConnection({
    handlers: {
      MeetingStarted: meetingId => {
        if (meetingId !== state.meetingId || !state.waiting) return;
        const wait = state.waiting;
        state.waiting = null;
        state.dotnet.invokeMethodAsync('OnHostStarted').catch(() => { });
        wait.joinNow();
      },
    },
    onUp: async connection => {
      // Called before openConnection has returned, and again after every reconnect: keep this connection for flush.
      state.connection = connection;
      if (state.waiting) await connection.invoke('WaitForHost', state.meetingId).catch(() => false);
      flush(state);
    },
  }).then(link => { state.link = link; return link; });
  return state.linking;
}

async function onWaiting(state, wait) {
  state.waiting = wait;
  wait.signal?.addEventListener('abort', () => { if (state.waiting === wait) state.waiting = null; }, { once: true });
  const link = await connect(state);
  await link.connection.invoke('WaitForHost', state.meetingId).catch(() => false);
}

function onJoined(state, info) {
  state.waiting = null;
  connect(state);
  const self = { self: true };
  let selfIn = true;
  enqueue(state, 'joined', null, self);
  const leaveSelf = () => {
    if (!selfIn) return;
    selfIn = false;
    enqueue(state, 'left', null, self);
  };
  info.signal?.addEventListener('abort', leaveSelf, { once: true });

  if (info.client) {
    const client = info.client;
    const isHost = () => client.getCurrentUser?.()?.isHost === true;
    const selfId = () => client.getCurrentUser?.()?.userId;
    const each = (payload, kind) => {
      for (const p of Array.isArray(payload) ? payload : [payload]) {
        if (!p || typeof p !== 'object') continue;
        const reason = kind === 'joined' ? p.source : p.reason;
        if (p.userId === selfId()) {
          if (kind === 'joined' && reason === undefined && !selfIn) { selfIn = true; enqueue(state, 'joined', null, self); }
          continue;
        }
        if (isHost()) enqueue(state, kind, reason ?? null, other(p));
      }
    };
    client.on('user-added', payload => each(payload, 'joined'));
    client.on('user-removed', payload => each(payload, 'left'));
    client.on('user-updated', payload => {
      // Put on hold (waiting room) or back: the host sees it as waiting / admitted.
      for (const p of Array.isArray(payload) ? payload : [payload]) {
        if (!p || typeof p !== 'object' || p.userId === selfId() || !isHost() || typeof p.bHold !== 'boolean') continue;
        enqueue(state, p.bHold ? 'waiting' : 'admitted', null, other(p));
      }
    });
    client.on('connection-change', payload => {
      if (payload?.state === 'Closed' || payload?.state === 'Fail') leaveSelf();
    });
  } else if (info.zoomMtg) {
    const zoomMtg = info.zoomMtg;
    let host = false;
    zoomMtg.inMeetingServiceListener('onUserJoin', data => {
      if (!data || typeof data !== 'object') return;
      if (data.self) { host = data.isHost === true; return; }
      if (host) enqueue(state, 'joined', null, other(data));
    });
    zoomMtg.inMeetingServiceListener('onUserLeave', data => {
      if (!data || typeof data !== 'object') return;
      if ('reasonCode' in data && !('userId' in data)) { leaveSelf(); return; }
      if (host) enqueue(state, 'left', null, other(data));
    });
    zoomMtg.inMeetingServiceListener('onUserUpdate', data => {
      if (data?.self && typeof data.isHost === 'boolean') host = data.isHost;
    });
    zoomMtg.inMeetingServiceListener('onMeetingStatus', data => {
      // The bundle sends {meetingStatus}, the d.ts says {status}: 3 is disconnected.
      if ((data?.meetingStatus ?? data?.status) === 3) leaveSelf();
    });
  }
}

function other(p) {
  const name = p.displayName ?? p.userName;
  return {
    self: false,
    zoomUserId: Number.isInteger(p.userId) && p.userId >= 0 ? p.userId : null,
    displayName: typeof name === 'string' ? name.slice(0, 128) : null,
    customerKey: typeof p.customerKey === 'string' && p.customerKey ? p.customerKey.slice(0, 36) : null,
    participantUuid: typeof p.participantUUID === 'string' && p.participantUUID ? p.participantUUID.slice(0, 128) : null,
  };
}

function enqueue(state, kind, reason, participant) {
  if (state.pending.size >= MAX_QUEUE) return;
  const eventId = crypto.randomUUID();
  state.pending.set(eventId, {
    eventId, meetingId: state.meetingId, kind,
    reason: reason === 'failover' || reason === 'on hold' ? reason : null,
    participant,
  });
  flush(state);
}

async function flush(state) {
  const connection = state.connection;
  if (state.sending || !connection || connection.state !== 'Connected') return;
  state.sending = true;
  try {
    // Events reported together (a host's SDK announcing several people) go out in one invocation.
    await new Promise(resolve => setTimeout(resolve, COALESCE_MS));
    while (state.pending.size > 0) {
      const batch = nextBatch(state);
      let acks;
      try {
        acks = batch.length === 1 ? [await connection.invoke('Report', batch[0])] : await connection.invoke('ReportBatch', batch);
      } catch {
        return; // disconnected: the queue is resent after the reconnect
      }
      if (!Array.isArray(acks) || acks.some(ack => ack?.refused === TOO_MANY)) {
        // The batch was refused as a whole: all of it stays queued, in order, and goes again after a pause.
        setTimeout(() => flush(state), 1000);
        return;
      }
      // Stored, already stored, or refused for good: either way it is not sent again.
      for (const report of batch) state.pending.delete(report.eventId);
    }
  } finally {
    state.sending = false;
  }
}

// The oldest queued events, as many as fit in one message.
function nextBatch(state) {
  const batch = [];
  let bytes = 2;
  for (const report of state.pending.values()) {
    const size = encoder.encode(JSON.stringify(report)).length + 1;
    if (batch.length > 0 && (batch.length >= MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) break;
    batch.push(report);
    bytes += size;
  }
  return batch;
}

async function dispose(state) {
  if (state.disposed) return;
  state.disposed = true;
  for (const off of state.offs) off();
  // Give the last events (this user's leave) a moment to go out before the connection closes.
  const deadline = Date.now() + 2000;
  while (state.pending.size > 0 && state.connection?.state === 'Connected' && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  await state.link?.stop().catch(() => { });
}
