// The sandbox's stand-in for the Meeting SDK 6.2.0 Client View (ZoomMtg): callbacks instead of promises, a second
// join on the same page silently dropped, leave navigates to leaveUrl. Joins are checked by the sandbox web service.
import { VERSION, SELF_USER_ID, mapFailure, messageOf, readSignature, invalidParameter, postJoin, participant, startMeeting } from './sandboxMeeting.js';

const FAIL = 1;

/** The ZoomMtg object, joining through `endpoint` (e.g. /zoom-sandbox/web/join). */
export function createZoomMtg(endpoint) {
    const listeners = new Map();
    let initArgs = null;
    let joinCalled = false;
    let meeting = null;
    let self = null;
    let root = null;

    function emit(event, payload) {
        for (const callback of [...(listeners.get(event) ?? [])]) {
            try {
                callback(payload);
            } catch (error) {
                console.error(error);
            }
        }
    }

    function later(callback, value) {
        if (typeof callback === 'function') setTimeout(() => callback(value), 0);
    }

    function joinError(errorCode, errorMessage, result) {
        return { method: 'join', status: false, result: result ?? null, errorCode, errorMessage: errorMessage ?? messageOf(errorCode) };
    }

    async function join(args) {
        if (!initArgs) {
            later(args.error, joinError(2));
            return;
        }

        const claims = readSignature(args.signature);
        if (!claims || (!claims.appKey && !claims.sdkKey)) {
            // The real Client View logs this and calls neither callback.
            console.log('please check your signature and please add appKey');
            return;
        }

        const options = { ...args, password: args.passWord };
        if (invalidParameter(options)) {
            later(args.error, joinError(4003));
            return;
        }

        emit('onMeetingStatus', { meetingStatus: 1 });
        const answer = await postJoin(endpoint, options);
        if (!answer || !answer.status) {
            const mapped = answer ? mapFailure(answer, FAIL) : { errorCode: FAIL, errorMessage: messageOf(FAIL), result: null };
            later(args.error, joinError(mapped.errorCode, mapped.errorMessage, mapped.result));
            emit('onMeetingStatus', { meetingStatus: 3 });
            return;
        }

        if (answer.connectionError) {
            // Zoom accepted the join but its meeting servers cannot be reached (Zoom:Sandbox:ConnectionErrors): the real
            // Client View then shows "Joining Meeting Timeout or Browser restriction" and calls neither callback.
            console.log('Joining Meeting Timeout or Browser restriction');
            return;
        }

        self = participant(SELF_USER_ID, String(args.userName), answer.result.role === 1, args.customerKey);
        meeting = startMeeting({
            container: root,
            headingLevel: 1,
            result: answer.result,
            self,
            onLeaveClicked: () => zoomMtg.leaveMeeting({}),
            onRemoved: p => emit('onUserLeave', { ...p, self: false }),
        });
        later(args.success, { method: 'join', status: true, result: null, errorCode: 0, errorMessage: null });
        emit('onMeetingStatus', { meetingStatus: 2 });
        for (const p of meeting.people) {
            emit('onUserJoin', { ...p, self: p.userId === SELF_USER_ID });
        }
    }

    const zoomMtg = {
        setZoomJSLib() { /* the stand-in has no assets */ },
        preLoadWasm() { /* nothing to preload */ },
        prepareWebSDK() { /* nothing to prepare */ },
        getWebSDKVersion() {
            return VERSION;
        },
        checkSystemRequirements() {
            return { browserInfo: navigator.userAgent, browserName: 'Chrome', browserVersion: 0, features: [] };
        },
        i18n: {
            load() {
                return Promise.resolve('success');
            },
            reload() {
                return Promise.resolve('success');
            },
            onLoad(callback) {
                later(callback, 'success');
            },
        },
        init(args) {
            if (!args?.leaveUrl) {
                later(args?.error, { method: 'init', status: false, errorCode: 4003, errorMessage: 'leaveUrl is required' });
                return;
            }

            initArgs = args;
            // The real Client View takes over the page with #zmmtg-root.
            root = document.getElementById('zmmtg-root') ?? document.body.appendChild(document.createElement('div'));
            root.id = 'zmmtg-root';
            Object.assign(root.style, { position: 'fixed', inset: '0', zIndex: '2000', background: '#ffffff', overflow: 'auto', padding: '24px' });
            later(args.success, { method: 'init', status: true, errorCode: 0, errorMessage: null, result: null });
        },
        join(args) {
            if (joinCalled) {
                // The real Client View drops a second join on the same page: neither callback fires.
                console.log('the mainTaskType is not exist, tasks error');
                return;
            }

            joinCalled = true;
            join(args ?? {});
        },
        leaveMeeting(args) {
            if (meeting) {
                meeting.end();
                meeting = null;
                emit('onUserLeave', { reason: 'self leave from in meeting', reasonCode: 2 });
                emit('onMeetingStatus', { meetingStatus: 3 });
            }

            later(args?.success, { method: 'leaveMeeting', status: true, errorCode: 0, errorMessage: null, result: null });
            if (initArgs?.leaveUrl && initArgs.leaveRedirect !== false) {
                setTimeout(() => location.assign(initArgs.leaveUrl), 0);
            }
        },
        endMeeting(args) {
            if (!self?.isHost) {
                later(args?.error, { method: 'endMeeting', status: false, errorCode: 3003, errorMessage: messageOf(3003), result: null });
                return;
            }

            zoomMtg.leaveMeeting(args);
        },
        inMeetingServiceListener(event, callback) {
            if (typeof callback !== 'function') return;
            if (!listeners.has(event)) listeners.set(event, new Set());
            listeners.get(event).add(callback);
        },
        getAttendeeslist(args) {
            later(args?.success, { method: 'getAttendeeslist', status: true, errorCode: 0, errorMessage: null, result: { attendeesList: meeting ? meeting.people.map(p => ({ ...p })) : [] } });
        },
        getCurrentUser(args) {
            later(args?.success, { method: 'getCurrentUser', status: true, errorCode: 0, errorMessage: null, result: { currentUser: self ? { ...self } : null } });
        },
        getCurrentMeetingInfo(args) {
            later(args?.success, { method: 'getCurrentMeetingInfo', status: true, errorCode: 0, errorMessage: null, result: meeting ? { meetingNumber: meeting.meetingNumber, meetingTopic: meeting.topic, isInMeeting: true } : { isInMeeting: false } });
        },
    };

    return zoomMtg;
}
