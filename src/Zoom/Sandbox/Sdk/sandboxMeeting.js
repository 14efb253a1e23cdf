// Shared by the sandbox's SDK stand-ins (zoomMtgEmbedded.js, zoomMtg.js): the web join call, Zoom's error mapping,
// the simulated meeting and its clearly labelled view. No external requests, no globals.

export const VERSION = '6.2.0';
export const SELF_USER_ID = 16778240;
const SIMULATED_LEAVE_MS = 20000;
const JOIN_TIMEOUT_MS = 15000;

// The real SDK's table (bundle 6.2.0): Zoom's web service answers a generic code plus an English message.
const webServiceCodes = {
    200: {
        'The api key is wrong.': 3704, 'The signature has expired.': 3705, 'The meeting number is wrong.': 3706,
        'The meeting number is not found.': 3707, 'The role is not applicable.': 3708, 'The meeting host is not found.': 3709,
        "The account don't enable API.": 3710, "Can not be host in other account's meeting.": 3711,
        'Invalid signature.': 3712, 'No permission': 3713, 'Assistant join meeting been disabled': 3715,
    },
    3136: { 'Token error': 3623, 'Please use host/alternative host to start the webinar.': 3624, 'Not support start meeting via tokens': 3265 },
};

// en-US texts of the SDK codes (dist/lib/lang/en-US.json).
const sdkMessages = {
    1: 'Fail to join the meeting.', 2: 'Meeting not initialized.', 3000: 'Already has other meetings in progress.',
    3003: 'You are not the meeting host.', 3004: 'Meeting Passcode wrong.', 3008: 'Meeting has not started',
    3623: 'Token error', 3624: 'Please use host/alternative host to start the webinar.', 3265: 'Not support start meeting via tokens',
    3704: 'The accounts API Key is not valid.', 3705: 'The signature has expired.', 3706: 'The meeting number is wrong.',
    3707: 'The meeting number is not found.', 3708: 'Incorrect role.', 3709: 'The meeting host is not found.',
    3710: 'The accounts API Key is deactivated.', 3711: 'Cannot not host another meeting concurrently.',
    3712: 'Signature is invalid.', 3713: 'No permission.', 3715: 'Assistant join meeting been disabled', 4003: 'Invalid parameter',
};

export function messageOf(code) {
    return sdkMessages[code] ?? sdkMessages[1];
}

/** Maps a failed web service answer to { errorCode, errorMessage, result } as the real SDK does; `fail` is 1 (Client View) or 200 (Component View). */
export function mapFailure(answer, fail) {
    const table = webServiceCodes[answer.errorCode];
    const errorCode = table ? (table[answer.errorMessage] ?? fail) : answer.errorCode;
    return { errorCode, errorMessage: errorCode === fail ? sdkMessages[1] : messageOf(errorCode), result: answer.errorMessage ?? null };
}

/** The JWT payload, read without verifying it (as the SDK does), or null when it is not a JWT. */
export function readSignature(signature) {
    const part = typeof signature === 'string' ? signature.split('.')[1] : undefined;
    if (!part) {
        return null;
    }

    try {
        const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
        const payload = JSON.parse(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)));
        return payload && typeof payload === 'object' ? payload : null;
    } catch {
        return null;
    }
}

/** The SDK's own parameter checks before any request (INVALID_PARAMETER 4003); null when fine. */
export function invalidParameter({ meetingNumber, userName, password, userEmail, customerKey }) {
    if (!userName || String(userName).length > 128) return 'userName';
    // The real SDK allows 12 characters; the sandbox has a 15-digit meeting on purpose.
    if (!/^\d{1,15}$/.test(String(meetingNumber ?? ''))) return 'meetingNumber';
    if (password && String(password).length > 32) return 'password';
    if (userEmail && String(userEmail).length > 100) return 'userEmail';
    if (customerKey && String(customerKey).length > 36) return 'customerKey';
    return null;
}

/**
 * Posts the join to the sandbox's web service. Resolves to its answer ({status, errorCode, errorMessage, result}),
 * or null when it could not be reached (the real SDK's "connection error").
 */
export async function postJoin(endpoint, join) {
    const body = {};
    for (const key of ['signature', 'meetingNumber', 'password', 'userName', 'userEmail', 'customerKey', 'zak']) {
        if (join[key] !== undefined && join[key] !== null && join[key] !== '') {
            body[key] = String(join[key]);
        }
    }

    let response;
    try {
        response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
            credentials: 'omit',
            signal: AbortSignal.timeout(JOIN_TIMEOUT_MS),
        });
    } catch {
        return null;
    }

    if (response.status === 400) {
        const problem = await response.json().catch(() => ({}));
        console.warn('Sandbox SDK: the join request was refused:', problem.error);
        return { status: false, errorCode: 4003, errorMessage: 'Invalid parameter' };
    }

    return response.ok ? response.json().catch(() => null) : null;
}

/** A participant as the SDK reports one (ParticipantPropertiesPayload plus the Participant names). */
export function participant(userId, displayName, isHost, customerKey) {
    const p = { userId, displayName, userName: displayName, isHost, bCoHost: false, isCoHost: false, muted: true, audio: '', bVideoOn: false, video: false, isGuest: !isHost };
    if (customerKey) p.customerKey = customerKey;
    return p;
}

/**
 * A simulated meeting: the joined user plus the server's simulated participants, one of whom leaves after ~20 s.
 * `onRemoved(p)` fires for that leave; `view` is the element the labelled meeting view is rendered into.
 */
export function startMeeting({ container, headingLevel, result, self, onLeaveClicked, onRemoved }) {
    const others = (result.participants ?? []).map(p => participant(p.userId, p.displayName, p.isHost));
    const people = [self, ...others];
    const view = renderView(container, headingLevel, result, onLeaveClicked);
    view.update(people);
    const leaving = others.filter(p => !p.isHost).at(-1);
    const timer = leaving ? setTimeout(() => {
        people.splice(people.indexOf(leaving), 1);
        view.update(people);
        onRemoved(leaving);
    }, SIMULATED_LEAVE_MS) : null;

    return {
        meetingNumber: result.meetingNumber,
        topic: result.topic,
        people,
        others,
        end() {
            clearTimeout(timer);
            view.remove();
        },
    };
}

function renderView(container, headingLevel, result, onLeaveClicked) {
    // Follows the viewer's colour scheme like the portal around it (both palettes keep 4.5:1 text contrast).
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
    const section = element('section', dark
        ? { border: '2px dashed #d9a441', borderRadius: '8px', padding: '16px', background: '#2b2213', color: '#f4ead8', font: '16px/1.5 system-ui, sans-serif' }
        : { border: '2px dashed #8a5300', borderRadius: '8px', padding: '16px', background: '#fff8e6', color: '#1a1a1a', font: '16px/1.5 system-ui, sans-serif' });
    section.dataset.colorScheme = dark ? 'dark' : 'light';
    section.setAttribute('aria-label', 'Sandbox meeting');
    section.dataset.sandboxMeeting = result.meetingNumber;

    const heading = element(`h${headingLevel}`, { margin: '0 0 8px', fontSize: '1.25rem' });
    heading.textContent = 'Sandbox meeting — simulated, not Zoom';
    const topic = element('p', { margin: '0 0 12px' });
    topic.textContent = `${result.topic} (meeting ${result.meetingNumber})`;
    const listHeading = element(`h${headingLevel + 1}`, { margin: '0 0 4px', fontSize: '1rem' });
    const list = element('ul', { margin: '0 0 12px', paddingLeft: '20px' });
    list.setAttribute('aria-label', 'Participants');
    const leave = element('button', { background: '#0b5cff', color: '#fff', border: '0', borderRadius: '4px', padding: '8px 16px', font: 'inherit', cursor: 'pointer' });
    leave.type = 'button';
    leave.textContent = 'Leave meeting';
    leave.addEventListener('click', () => onLeaveClicked());

    section.append(heading, topic, listHeading, list, leave);
    container.replaceChildren(section);
    return {
        update(people) {
            listHeading.textContent = `Participants (${people.length})`;
            list.replaceChildren(...people.map(p => {
                const item = document.createElement('li');
                item.textContent = p.displayName + (p.isHost ? ' (host)' : '') + (p.userId === SELF_USER_ID ? ' (you)' : '');
                return item;
            }));
        },
        remove() {
            section.remove();
        },
    };
}

function element(tag, style) {
    const node = document.createElement(tag);
    Object.assign(node.style, style);
    return node;
}
