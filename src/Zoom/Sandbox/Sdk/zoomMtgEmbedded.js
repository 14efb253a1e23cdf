// The sandbox's stand-in for the Meeting SDK 6.2.0 Component View (ZoomMtgEmbedded): same API shapes, same
// rejections, but joins are checked by the portal's sandbox web service and the meeting is simulated.
import { VERSION, SELF_USER_ID, mapFailure, messageOf, readSignature, invalidParameter, postJoin, participant, startMeeting } from './sandboxMeeting.js';

const FAIL = 200;

/** The ZoomMtgEmbedded namespace, joining through `endpoint` (e.g. /zoom-sandbox/web/join). */
export function createZoomMtgEmbedded(endpoint) {
    let client = null;
    return Object.freeze({
        VERSION,
        createClient() {
            client ??= createClient(endpoint);
            return client;
        },
        destroyClient() {
            client?.destroy();
            client = null;
        },
    });
}

function failure(errorCode, reason) {
    return { type: 'JOIN_MEETING_FAILED', reason: reason ?? messageOf(errorCode), errorCode };
}

function createClient(endpoint) {
    const listeners = new Map();
    let root = null;
    let joining = false;
    let meeting = null;
    let self = null;

    function emit(event, payload) {
        for (const callback of [...(listeners.get(event) ?? [])]) {
            try {
                callback(payload);
            } catch (error) {
                console.error(error);
            }
        }
    }

    async function join(options) {
        if (!root) throw failure(2);
        if (meeting) throw failure(3000);
        if (!options?.userName) throw new Error('userName cannot be empty');
        const claims = readSignature(options.signature);
        // A signature that is not a JWT makes the real SDK fail on a property read.
        if (!claims) throw new TypeError("Cannot read properties of undefined (reading 'appKey')");
        if (!claims.appKey && !claims.sdkKey) throw new Error('appKey can not empty in the signature');
        if (options.zak && options.obfToken) throw new Error('zak and obfToken are mutually exclusive. Please provide only one.');
        if (invalidParameter(options)) throw failure(4003);

        const answer = await postJoin(endpoint, options);
        if (!answer) throw failure(-3000, 'connection error');
        if (!answer.status) {
            const mapped = mapFailure(answer, FAIL);
            throw failure(mapped.errorCode, mapped.errorMessage);
        }

        // Zoom accepted the join but its meeting servers cannot be reached (Zoom:Sandbox:ConnectionErrors):
        // the real Component View rejects with its generic code and this reason.
        if (answer.connectionError) throw failure(FAIL, 'connection error');
        if (!root) throw failure(-3000, 'connection error');
        self = participant(SELF_USER_ID, String(options.userName), answer.result.role === 1, options.customerKey);
        meeting = startMeeting({
            container: root,
            headingLevel: 2,
            result: answer.result,
            self,
            onLeaveClicked: () => leave(),
            onRemoved: p => emit('user-removed', [p]),
        });
        emit('connection-change', { state: 'Connected' });
        emit('user-added', [...meeting.people]);
        return '';
    }

    function leave() {
        if (!meeting) return;
        meeting.end();
        meeting = null;
        self = null;
        emit('connection-change', { state: 'Closed' });
    }

    return {
        init(options) {
            if (!(options?.zoomAppRoot instanceof HTMLElement)) {
                return Promise.reject(new Error('zoomAppRoot must be defined'));
            }

            root = options.zoomAppRoot;
            return Promise.resolve('');
        },
        join(options) {
            // Two joins at once: the real SDK's second call fails on its half-built state.
            if (joining) {
                return Promise.reject(new TypeError("Cannot read properties of undefined (reading 'then')"));
            }

            joining = true;
            return join(options).finally(() => { joining = false; });
        },
        leaveMeeting() {
            leave();
            return Promise.resolve('');
        },
        endMeeting() {
            if (!self?.isHost) {
                return Promise.reject({ type: 'INVALID_OPERATION', reason: messageOf(3003), errorCode: 3003 });
            }

            leave();
            return Promise.resolve('');
        },
        on(event, callback) {
            if (typeof callback !== 'function') return;
            if (!listeners.has(event)) listeners.set(event, new Set());
            listeners.get(event).add(callback);
        },
        off(event, callback) {
            listeners.get(event)?.delete(callback);
        },
        getCurrentUser() {
            return self ? { ...self } : null;
        },
        getAttendeeslist() {
            return meeting ? meeting.people.map(p => ({ ...p })) : [];
        },
        getCurrentMeetingInfo() {
            return meeting
                ? { meetingNumber: meeting.meetingNumber, meetingTopic: meeting.topic, isInMeeting: true, participantId: SELF_USER_ID }
                : { isInMeeting: false };
        },
        checkSystemRequirements() {
            return { audio: true, video: true, screen: true };
        },
        destroy() {
            leave();
            listeners.clear();
            root = null;
        },
    };
}
