// The join page's browser side: loads the Meeting SDK through the loader, then init → join with a fresh
// signature per attempt. What to do after a failure is decided by the server (ReportAttemptAsync); this module
// only follows it. Every SDK call has a timeout because the SDK may call neither callback.

const TIMEOUT_CODE = -90001;
const LOAD_FAILED_CODE = -90002;

let current = null;

class TimeoutError extends Error {
  constructor(what) { super(`${what} did not answer in time`); this.errorCode = TIMEOUT_CODE; }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new TimeoutError(what)), ms); }),
  ]);
}

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('Aborted', 'AbortError')); }, { once: true });
  });
}

// SDK errors come as {errorCode, reason} (Component View), {errorCode, errorMessage, result} (Client View),
// or a plain Error/TypeError; reduce them to a code and a short text.
function normalizeError(error) {
  if (error && typeof error === 'object') {
    const code = Number.isInteger(error.errorCode) ? error.errorCode : 1;
    const text = [error.reason, error.result, error.errorMessage, error.message].find(t => typeof t === 'string' && t.length > 0) ?? '';
    return { code, message: String(text).slice(0, 500) };
  }
  return { code: 1, message: String(error ?? '').slice(0, 500) };
}

/** What the page can tell before loading anything: the pre-join checks. */
export async function checkBrowser() {
  const result = {
    secureContext: window.isSecureContext === true,
    webAssembly: typeof WebAssembly === 'object',
    camera: 'unknown',
    microphone: 'unknown',
    userAgent: navigator.userAgent.slice(0, 512),
    now: Date.now(),
  };
  if (navigator.permissions?.query) {
    for (const name of ['camera', 'microphone']) {
      try { result[name] = (await navigator.permissions.query({ name })).state; } catch { /* not queryable in this browser */ }
    }
  }
  return result;
}

/** The browser's clock, for the server's round-trip measurement of the browser clock offset. */
export function now() { return Date.now(); }

async function importLoader(options) {
  return await withTimeout(import(options.loaderUrl), options.loadTimeoutMs, 'Loading Zoom');
}

/** Starts loading the SDK before the user clicks Join (the meeting details page and the join page call this). */
export async function preload(loaderUrl, config) {
  try {
    const loader = await import(loaderUrl);
    await loader.preload?.(config);
  } catch {
    // Preloading is only a head start; the join reports load failures itself.
  }
}

/**
 * Joins with the Component View into `root`, or with the Client View when options.view is 'Client'.
 * options: { joinId, view, loaderUrl, sdkConfig, sdkVersion, loadTimeoutMs, initTimeoutMs, joinTimeoutMs, leaveUrl, retryUrl, firstAttempt, remeasure }
 */
export async function join(root, dotnet, options) {
  if (current?.running) {
    return; // joins are serialised: never two in flight
  }
  current?.abort.abort();
  const state = { running: true, abort: new AbortController(), client: null, embedded: null, dotnet, options, passcode: null };
  current = state;
  const marks = { click: performance.now() };
  performance.mark('zoomportal-join-click', { startTime: marks.click });
  const progress = (step, seconds = 0) => dotnet.invokeMethodAsync('ReportProgress', options.joinId, step, seconds).catch(() => { });
  const sdkView = options.sdkConfig.standIn ? 'Sandbox' : options.view;
  // The real Component View's global has no VERSION: the version the server serves stands in for it.
  let sdkVersion = typeof options.sdkVersion === 'string' ? options.sdkVersion.slice(0, 32) : null;
  try {
    progress('LoadingZoom');
    let sdk;
    try {
      const loader = await importLoader(options);
      sdk = await withTimeout(options.view === 'Client' ? loader.loadClientView(options.sdkConfig) : loader.loadComponentView(options.sdkConfig),
        options.loadTimeoutMs, 'Loading Zoom');
    } catch (error) {
      await reportFailure(state, 1, { code: error?.errorCode === TIMEOUT_CODE ? TIMEOUT_CODE : LOAD_FAILED_CODE, message: String(error?.message ?? error).slice(0, 500) }, sdkView, null);
      return;
    }
    sdkVersion = typeof sdk?.VERSION === 'string' ? sdk.VERSION.slice(0, 32) : sdkVersion;
    if (options.view === 'Client') {
      await joinClientView(state, sdk, marks, progress, sdkView, sdkVersion);
    } else {
      await joinComponentView(state, root, sdk, marks, progress, sdkView, sdkVersion);
    }
  } catch (error) {
    if (error?.name !== 'AbortError') {
      console.error('Join failed', error);
    }
  } finally {
    state.running = false;
  }
}

async function joinComponentView(state, root, sdk, marks, progress, sdkView, sdkVersion) {
  const { options, dotnet } = state;
  state.embedded = sdk;
  const client = sdk.createClient();
  state.client = client;
  try {
    await withTimeout(client.init({
      zoomAppRoot: root, assetPath: window.location.origin + options.sdkConfig.assetBase + '/lib/av',
      language: 'en-US', patchJsMedia: true, leaveOnPageUnload: true,
    }), options.initTimeoutMs, 'Zoom init');
  } catch (error) {
    await reportFailure(state, options.firstAttempt, normalizeError(error), sdkView, sdkVersion);
    return;
  }
  // Listeners after init, as the SDK expects.
  client.on('connection-change', payload => {
    if (payload?.state === 'Closed' && state.joined) {
      dotnet.invokeMethodAsync('ReportLeftAsync', options.joinId).catch(() => { });
    }
  });

  let attempt = options.firstAttempt;
  let remeasure = options.remeasure === true;
  for (; ;) {
    progress('GettingSignature');
    const ticket = await dotnet.invokeMethodAsync('GetSignatureAsync', options.joinId, attempt, remeasure);
    if (!ticket) {
      return; // refused: the page already says why
    }
    progress('Joining');
    marks.join = performance.now();
    performance.mark('zoomportal-join-call', { startTime: marks.join });
    try {
      await withTimeout(client.join({
        signature: ticket.signature, meetingNumber: ticket.meetingNumber, password: ticket.passcode,
        userName: ticket.userName, userEmail: ticket.userEmail, customerKey: ticket.customerKey,
        ...(ticket.zak ? { zak: ticket.zak } : {}),
      }), options.joinTimeoutMs, 'Zoom join');
      state.joined = true;
      await dotnet.invokeMethodAsync('ReportJoinedAsync', options.joinId, attempt, sdkVersion, sdkView,
        Math.round(performance.now() - marks.click), Math.round(marks.join - marks.click));
      return;
    } catch (error) {
      const next = await reportFailure(state, attempt, normalizeError(error), sdkView, sdkVersion);
      if (!next || next.action === 'Stop') {
        return;
      }
      if (next.action === 'AskPasscode') {
        await waitForResume(state);
      } else {
        await countdown(state, next, progress);
      }
      remeasure = next.remeasureClock === true;
      attempt++;
    }
  }
}

async function joinClientView(state, sdk, marks, progress, sdkView, sdkVersion) {
  const { options, dotnet } = state;
  const attempt = options.firstAttempt;
  progress('GettingSignature');
  const ticket = await dotnet.invokeMethodAsync('GetSignatureAsync', options.joinId, attempt, options.remeasure === true);
  if (!ticket) {
    return;
  }
  try {
    await withTimeout(new Promise((resolve, reject) => sdk.init({ leaveUrl: options.leaveUrl, success: resolve, error: reject })),
      options.initTimeoutMs, 'Zoom init');
    progress('Joining');
    marks.join = performance.now();
    performance.mark('zoomportal-join-call', { startTime: marks.join });
    // The Client View ignores a second join on the same page, so there is exactly one here; a retry reloads the page.
    await withTimeout(new Promise((resolve, reject) => sdk.join({
      meetingNumber: ticket.meetingNumber, userName: ticket.userName, signature: ticket.signature, passWord: ticket.passcode,
      userEmail: ticket.userEmail, customerKey: ticket.customerKey, ...(ticket.zak ? { zak: ticket.zak } : {}),
      success: resolve, error: reject,
    })), options.joinTimeoutMs, 'Zoom join');
    await dotnet.invokeMethodAsync('ReportJoinedAsync', options.joinId, attempt, sdkVersion, sdkView,
      Math.round(performance.now() - marks.click), Math.round(marks.join - marks.click));
  } catch (error) {
    const next = await reportFailure(state, attempt, normalizeError(error), sdkView, sdkVersion);
    if (next && (next.action === 'Retry' || next.action === 'WaitForHost')) {
      await countdown(state, next, progress);
      const url = new URL(options.retryUrl, window.location.origin);
      url.searchParams.set('attempt', String(attempt + 1));
      url.searchParams.set('remeasure', next.remeasureClock ? '1' : '0');
      window.location.replace(url.toString());
    }
  }
}

async function reportFailure(state, attempt, error, sdkView, sdkVersion) {
  const { dotnet, options } = state;
  try {
    return await dotnet.invokeMethodAsync('ReportAttemptAsync', options.joinId, attempt, error.code, error.message, sdkVersion, sdkView);
  } catch {
    return null;
  }
}

async function countdown(state, next, progress) {
  const step = next.action === 'WaitForHost' ? 'WaitingForHost' : 'Retrying';
  let left = Math.max(0, Math.ceil(next.delayMs / 1000));
  const end = performance.now() + next.delayMs;
  while (performance.now() < end) {
    progress(step, left);
    await delay(Math.min(1000, end - performance.now()), state.abort.signal);
    left--;
  }
}

function waitForResume(state) {
  return new Promise((resolve, reject) => {
    state.resume = resolve;
    state.abort.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), { once: true });
  });
}

/** Called by the page after the user typed the passcode again: the waiting join continues with a fresh signature. */
export function resume() {
  current?.resume?.();
}

/** The time (ms) from the latest Join to its first SDK join call, from this page's performance marks; null before that call. */
export function joinLatency() {
  // A mark's startTime counts from the page's time origin, so the latency is the distance between the two marks.
  const click = performance.getEntriesByName('zoomportal-join-click').at(-1);
  const call = click && performance.getEntriesByName('zoomportal-join-call').find(entry => entry.startTime >= click.startTime);
  return call ? call.startTime - click.startTime : null;
}

/** Leaves the meeting and destroys the client; called when the page is disposed. */
export async function dispose() {
  const state = current;
  current = null;
  if (!state) {
    return;
  }
  state.abort.abort();
  try {
    if (state.client && state.joined) {
      await withTimeout(state.client.leaveMeeting(), 3000, 'Zoom leave');
    }
  } catch { /* leaving is best effort */ }
  try {
    state.embedded?.destroyClient();
  } catch { /* nothing left to clean */ }
}
