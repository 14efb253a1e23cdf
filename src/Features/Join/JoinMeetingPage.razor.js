// The join page's browser side: loads the Meeting SDK through the loader, then init → join with a fresh
// signature per attempt. What to do after a failure is decided by the server (ReportAttemptAsync); this module
// only follows it. Every SDK call has a timeout because the SDK may call neither callback.
//
// Each call to join() makes one state object for that join and returns a handle to it ({ resume, dispose }); nothing
// about a join lives at module level. The only module-level thing is the onJoined listener list below.

const TIMEOUT_CODE = -90001;
const LOAD_FAILED_CODE = -90002;

const joinedListeners = new Set();
const waitingListeners = new Set();

/**
 * HOOK POINT for code that needs the in-meeting SDK (e.g. attendance): `listener(joined)` is called once per join,
 * right after the attempt that got in was reported, with
 *   { joinId, view: 'Component' | 'Client', sdkView, client, zoomMtg, signal }
 * where `client` is the Component View's client (client.on('user-added', …)) or null, `zoomMtg` is the Client View's
 * ZoomMtg (ZoomMtg.inMeetingServiceListener(…)) or null, and `signal` is an AbortSignal that fires when the join
 * ends (the page is disposed): remove listeners then. Returns a function that unregisters the listener.
 */
export function onJoined(listener) {
  joinedListeners.add(listener);
  return () => joinedListeners.delete(listener);
}

/**
 * HOOK POINT for "join when the host starts": `listener(wait)` is called when a join starts waiting for the host
 * (3008), with { joinId, signal, joinNow } where joinNow() ends the wait and joins at once, and `signal` fires when
 * the wait ends anyway. Returns a function that unregisters the listener.
 */
export function onWaitingForHost(listener) {
  waitingListeners.add(listener);
  return () => waitingListeners.delete(listener);
}

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
    userAgent: navigator.userAgent.slice(0, 512),
  };
  return result;
}

/** The browser's clock, for the server's round-trip measurement of the browser clock offset. */
export function now() { return Date.now(); }

/** Starts loading the SDK before the user clicks Join (the meeting page's JoinPreload does the same). */
export { preload } from './JoinPreload.razor.js';

/**
 * Starts a join with the Component View into `root`, or with the Client View when options.view is 'Client', and
 * returns its handle { resume(), dispose() } at once; the join runs on its own and reports to `dotnet`.
 * options: JoinModuleOptions { joinId, view, loaderUrl, sdk, sdkVersion, loadTimeoutMs, initTimeoutMs, joinTimeoutMs,
 *   leaveUrl, retryUrl, firstAttempt, remeasure, language }
 */
export function join(root, dotnet, options) {
  const click = performance.now();
  performance.mark('zoomportal-join-click', { startTime: click });
  const join = {
    root, dotnet, options,
    abort: new AbortController(),
    marks: { click },
    sdkView: options.sdk.standIn ? 'Sandbox' : options.view,
    // The real Component View's global has no VERSION: the version the server serves stands in for it.
    sdkVersion: typeof options.sdkVersion === 'string' ? options.sdkVersion.slice(0, 32) : null,
    embedded: null,
    client: null,
    zoomMtg: null,
    joined: false,
    resume: null,
    containment: null,
  };
  run(join);
  return {
    resume: () => join.resume?.(),
    dispose: () => dispose(join),
  };
}

async function run(join) {
  const { options } = join;
  try {
    progress(join, 'LoadingZoom');
    let sdk;
    try {
      const loader = await withTimeout(import(options.loaderUrl), options.loadTimeoutMs, 'Loading Zoom');
      join.loader = loader;
      sdk = await withTimeout(options.view === 'Client' ? loader.loadClientView(options.sdk) : loader.loadComponentView(options.sdk),
        options.loadTimeoutMs, 'Loading Zoom');
    } catch (error) {
      await report(join, options.firstAttempt, { code: error?.errorCode === TIMEOUT_CODE ? TIMEOUT_CODE : LOAD_FAILED_CODE, message: String(error?.message ?? error).slice(0, 500) });
      return;
    }
    join.abort.signal.throwIfAborted();
    join.sdkVersion = typeof sdk?.VERSION === 'string' ? sdk.VERSION.slice(0, 32) : join.sdkVersion;
    if (options.view === 'Client') {
      await joinClientView(join, sdk);
    } else {
      await joinComponentView(join, sdk);
    }
  } catch (error) {
    if (error?.name !== 'AbortError') {
      console.error('Join failed', error);
    }
  }
}

function progress(join, step, seconds = 0) {
  join.dotnet.invokeMethodAsync('ReportProgress', join.options.joinId, step, seconds).catch(() => { });
}

async function joinComponentView(join, sdk) {
  const { options, dotnet } = join;
  join.embedded = sdk;
  const client = sdk.createClient();
  join.client = client;
  try {
    await withTimeout(client.init({
      zoomAppRoot: join.root, assetPath: join.loader.assetPathOf(options.sdk),
      language: options.language || 'en-US', patchJsMedia: true, leaveOnPageUnload: true,
      // Zoom's own "Fail to join the meeting [Retry] [OK]" dialog would cover the portal's status, mark the page
      // aria-hidden and re-send the rejected signature on Retry; 6.2.0 reads this switch (customize, default true).
      customize: leaveOut(options, { isShowJoiningErrorDialog: false }),
    }), options.initTimeoutMs, 'Zoom init');
  } catch (error) {
    await report(join, options.firstAttempt, normalizeError(error));
    return;
  }
  // Listeners after init, as the SDK expects.
  client.on('connection-change', payload => {
    if (payload?.state === 'Closed' && join.joined) {
      dotnet.invokeMethodAsync('ReportLeftAsync', options.joinId).catch(() => { });
    }
  });

  let attempt = options.firstAttempt;
  let remeasure = options.remeasure === true;
  for (; ;) {
    join.abort.signal.throwIfAborted();
    progress(join, 'GettingSignature');
    const ticket = await dotnet.invokeMethodAsync('GetSignatureAsync', options.joinId, attempt, remeasure);
    if (!ticket) {
      return; // refused: the page already says why
    }
    progress(join, 'Joining');
    markJoinCall(join);
    try {
      await withTimeout(client.join({
        signature: ticket.signature, meetingNumber: ticket.meetingNumber, password: ticket.passcode,
        userName: ticket.userName, userEmail: ticket.userEmail, customerKey: ticket.customerKey,
        ...(ticket.zak ? { zak: ticket.zak } : {}),
      }), options.joinTimeoutMs, 'Zoom join');
    } catch (error) {
      const next = await report(join, attempt, normalizeError(error));
      if (!next || next.action === 'Stop' || next.action === 'InMeeting') {
        return;
      }
      if (next.action === 'AskPasscode') {
        await waitForResume(join);
      } else {
        await countdown(join, next);
      }
      remeasure = next.remeasureClock === true;
      attempt++;
      continue;
    }
    await joined(join, attempt);
    return;
  }
}

// Zoom's Retry in its reconnect dialog, routed through the portal (onRetryCallback): the attempt ends as a
// connection error, and the server decides whether a fresh page with a fresh signature follows.
const ZOOM_RETRY = { errorCode: -3000, reason: 'connection error' };

async function joinClientView(join, sdk) {
  const { options, dotnet } = join;
  const attempt = options.firstAttempt;
  join.zoomMtg = sdk;
  containZoomUi(join);
  progress(join, 'GettingSignature');
  const ticket = await dotnet.invokeMethodAsync('GetSignatureAsync', options.joinId, attempt, options.remeasure === true);
  if (!ticket) {
    return;
  }
  try {
    // The Client View's own texts in the portal's language (ZoomMtg.i18n; the sandbox's stand-in has none). A language
    // that fails to load leaves Zoom's English: not a reason to fail the join.
    Promise.resolve(sdk.i18n?.load?.(options.language || 'en-US')).catch(() => { });
    let zoomRetry;
    const retried = new Promise((_, reject) => { zoomRetry = () => reject(ZOOM_RETRY); });
    await withTimeout(new Promise((resolve, reject) => sdk.init({
      leaveUrl: options.leaveUrl, success: resolve, error: reject, ...leaveOut(options, {
      // isShowJoiningErrorDialog:false switches off Zoom's joining error dialog (in 6.2.0's bundle it also turns on
      // disablePreview); disablePreview:true skips Zoom's audio/video preview (observed: none after a passed wc/info), on
      // which join's callbacks would wait for Zoom's own Join button while the portal's join timeout runs (the portal's
      // pre-join checks stand in for it). Zoom's "Joining Meeting Timeout or Browser restriction" dialog is covered by
      // neither (observed); its Retry reloads the page with or without onRetryCallback (observed: that dialog is never
      // given the callback). onRetryCallback reaches only Zoom's reconnect dialog (a meeting connection that dropped), where
      // it ends this attempt through the portal. See README "What the join page sets in the Meeting SDK 6.2.0".
      isShowJoiningErrorDialog: false, disablePreview: true, onRetryCallback: () => zoomRetry(),
    }) })), options.initTimeoutMs, 'Zoom init');
    progress(join, 'Joining');
    markJoinCall(join);
    // The Client View ignores a second join on the same page, so there is exactly one here; a retry reloads the page.
    await withTimeout(Promise.race([retried, new Promise((resolve, reject) => sdk.join({
      meetingNumber: ticket.meetingNumber, userName: ticket.userName, signature: ticket.signature, passWord: ticket.passcode,
      userEmail: ticket.userEmail, customerKey: ticket.customerKey, ...(ticket.zak ? { zak: ticket.zak } : {}),
      success: resolve, error: reject,
    }))]), options.joinTimeoutMs, 'Zoom join');
  } catch (error) {
    const next = await report(join, attempt, normalizeError(error));
    if (next && (next.action === 'Retry' || next.action === 'WaitForHost')) {
      await countdown(join, next);
      const url = new URL(options.retryUrl, window.location.origin);
      url.searchParams.set('attempt', String(attempt + 1));
      url.searchParams.set('remeasure', next.remeasureClock ? '1' : '0');
      window.location.replace(url.toString());
    }
    return;
  }
  releaseZoomUi(join);
  await joined(join, attempt);
}

// The Client View draws its whole-page UI (#zmmtg-root, and its dialogs as separate nodes under <body>) over the
// portal's page. Until the join got in, the portal's status is what the user sees: JoinClientLayout hides every
// child of <body> but the portal's own while <html> has this class, and Zoom's modal dialogs, which mark the rest of
// <body> aria-hidden, do not hide the (visible) status from screen readers.
const CONTAINED = 'zoomportal-zoom-contained';

function containZoomUi(join) {
  document.documentElement.classList.add(CONTAINED);
  const main = document.getElementById('main-content');
  if (!main) {
    return;
  }
  const unhide = () => { if (main.getAttribute('aria-hidden') === 'true') main.removeAttribute('aria-hidden'); };
  unhide();
  join.containment = new MutationObserver(unhide);
  join.containment.observe(main, { attributes: true, attributeFilter: ['aria-hidden'] });
}

function releaseZoomUi(join) {
  join.containment?.disconnect();
  join.containment = null;
  document.documentElement.classList.remove(CONTAINED);
  // Zoom's UI was laid out while hidden: let it measure the page again.
  window.dispatchEvent(new Event('resize'));
}

// Zoom:Sdk:LeaveOut (diagnostics, Sandbox mode only): the real-SDK tests observe what Zoom does without one of these.
function leaveOut(options, args) {
  for (const name of options.sdk.leaveOut ?? []) delete args[name];
  return args;
}

function markJoinCall(join) {
  join.marks.join = performance.now();
  performance.mark('zoomportal-join-call', { startTime: join.marks.join });
}

// The attempt got in: report it (one report per attempt, success or failure), then hand the SDK to the hook's listeners.
async function joined(join, attempt) {
  join.joined = true;
  await report(join, attempt, null);
  const info = {
    joinId: join.options.joinId, view: join.options.view, sdkView: join.sdkView,
    client: join.client, zoomMtg: join.zoomMtg, signal: join.abort.signal,
  };
  for (const listener of joinedListeners) {
    try { listener(info); } catch (error) { console.error('onJoined listener failed', error); }
  }
}

/** Reports one attempt: `error` = { code, message }, or null when it got in. Resolves to the server's next step, or null. */
async function report(join, attempt, error) {
  const { dotnet, options } = join;
  try {
    return await dotnet.invokeMethodAsync('ReportAttemptAsync', options.joinId, attempt,
      error ? error.code : null, error ? error.message : null, join.sdkVersion, join.sdkView,
      error ? null : Math.round(performance.now() - join.marks.click));
  } catch {
    return null;
  }
}

async function countdown(join, next) {
  const step = next.action === 'WaitForHost' ? 'WaitingForHost' : 'Retrying';
  let left = Math.max(0, Math.ceil(next.delayMs / 1000));
  const end = performance.now() + next.delayMs;
  const wait = step === 'WaitingForHost' ? waitForHost(join) : null;
  try {
    while (performance.now() < end && !wait?.started) {
      progress(join, step, left);
      await delay(Math.min(1000, end - performance.now()), wait?.abort.signal ?? join.abort.signal).catch(error => {
        if (!wait?.started || join.abort.signal.aborted) throw error;
      });
      left--;
    }
  } finally {
    wait?.abort.abort();
  }
}

// Tells the hook's listeners that this join waits for the host; joinNow() cuts the countdown short.
function waitForHost(join) {
  const wait = { started: false, abort: new AbortController() };
  join.abort.signal.addEventListener('abort', () => wait.abort.abort(), { once: true });
  const info = {
    joinId: join.options.joinId, signal: wait.abort.signal,
    joinNow: () => { wait.started = true; wait.abort.abort(); },
  };
  for (const listener of waitingListeners) {
    try { listener(info); } catch (error) { console.error('onWaitingForHost listener failed', error); }
  }
  return wait;
}

// The page asked for the passcode again: the join waits until the user submits it (the handle's resume()).
function waitForResume(join) {
  return new Promise((resolve, reject) => {
    join.resume = () => { join.resume = null; resolve(); };
    join.abort.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), { once: true });
  });
}

/** The time (ms) from the latest Join to its first SDK join call, from this page's performance marks; null before that call. */
export function joinLatency() {
  // A mark's startTime counts from the page's time origin, so the latency is the distance between the two marks.
  const click = performance.getEntriesByName('zoomportal-join-click').at(-1);
  const call = click && performance.getEntriesByName('zoomportal-join-call').find(entry => entry.startTime >= click.startTime);
  return call ? call.startTime - click.startTime : null;
}

// Ends a join: stops its waits, leaves the meeting if it got in and destroys the Component View client.
async function dispose(join) {
  if (join.abort.signal.aborted) {
    return;
  }
  join.abort.abort();
  join.containment?.disconnect();
  try {
    if (join.client && join.joined) {
      await withTimeout(join.client.leaveMeeting(), 3000, 'Zoom leave');
    }
  } catch { /* leaving is best effort */ }
  try {
    join.embedded?.destroyClient();
  } catch { /* nothing left to clean */ }
}
