// The device check before joining: a camera preview, a microphone level and the choice of devices. Nothing is recorded
// or sent anywhere; every track stops when the check is disposed. Each create() makes one check with its own state and
// returns its handle ({ start, dispose }); nothing lives at module level.

const LEVEL_HEARD = 0.08;

/**
 * A check drawing into `video` and `meter`; `dotnet` hears once when the microphone picks up sound (HeardSound).
 * `texts` are the page's words in the user's language: { quiet, heard, camera, microphone }.
 */
export function create(video, meter, dotnet, texts) {
  const check = { video, meter, dotnet, texts, camera: null, microphone: null, audio: null, frame: 0, heard: false, disposed: false };
  return {
    start: (cameraId, microphoneId) => start(check, cameraId, microphoneId),
    dispose: () => dispose(check),
  };
}

// getUserMedia's failures in the words the page uses: blocked (permission), none (no such device), busy (another app
// holds it), unavailable (no media devices at all: an insecure page or an old browser), error (anything else).
function statusOf(error) {
  switch (error?.name) {
    case 'NotAllowedError': case 'SecurityError': case 'PermissionDeniedError': return 'blocked';
    case 'NotFoundError': case 'DevicesNotFoundError': case 'OverconstrainedError': return 'none';
    case 'NotReadableError': case 'TrackStartError': case 'AbortError': return 'busy';
    default: return 'error';
  }
}

async function open(kind, deviceId) {
  const constraint = deviceId ? { deviceId: { exact: deviceId } } : true;
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'camera' ? { video: constraint } : { audio: constraint });
    return { stream, status: 'ok' };
  } catch (error) {
    return { stream: null, status: statusOf(error) };
  }
}

function stopStream(stream) {
  stream?.getTracks().forEach(track => track.stop());
}

/** (Re)starts the preview with the given devices (null: the browser's default); resolves to what the page shows. */
async function start(check, cameraId, microphoneId) {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { camera: 'unavailable', microphone: 'unavailable', cameraId: null, microphoneId: null, devices: [] };
  }
  stopAll(check);
  const [camera, microphone] = await Promise.all([open('camera', cameraId), open('microphone', microphoneId)]);
  if (check.disposed) {
    stopStream(camera.stream);
    stopStream(microphone.stream);
    return null;
  }
  check.camera = camera.stream;
  check.microphone = microphone.stream;
  check.video.srcObject = camera.stream;
  if (camera.stream) {
    check.video.play?.().catch(() => { });
  }
  if (microphone.stream) {
    listen(check, microphone.stream);
  }
  let devices = [];
  try {
    // Labels are only given once a permission was granted; ids are per-site and mean nothing elsewhere.
    devices = (await navigator.mediaDevices.enumerateDevices())
      .filter(d => d.kind === 'videoinput' || d.kind === 'audioinput')
      .slice(0, 32)
      .map((d, i) => ({ kind: d.kind, id: String(d.deviceId).slice(0, 256), label: String(d.label || '').slice(0, 128) || `${d.kind === 'videoinput' ? check.texts.camera : check.texts.microphone} ${i + 1}` }));
  } catch { /* no list: the default devices only */ }
  const idOf = stream => stream?.getTracks()[0]?.getSettings?.().deviceId ?? null;
  return { camera: camera.status, microphone: microphone.status, cameraId: idOf(camera.stream), microphoneId: idOf(microphone.stream), devices };
}

// The level: the RMS of the microphone's samples, drawn into the meter 25 times a second. Each read covers the last
// ~43 ms (2,048 samples at 48 kHz) and reads overlap, so a short sound (a click, a beep) is never missed between reads.
function listen(check, stream) {
  const AudioContext = window.AudioContext ?? window.webkitAudioContext;
  if (!AudioContext) {
    return;
  }
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  analyser.fftSize = 2048;
  audio.createMediaStreamSource(stream).connect(analyser);
  check.audio = audio;
  const samples = new Float32Array(analyser.fftSize);
  const tick = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    const level = Math.min(1, Math.sqrt(sum / samples.length) * 4);
    check.meter.value = level;
    check.meter.setAttribute('aria-valuetext', level >= LEVEL_HEARD ? check.texts.heard : check.texts.quiet);
    if (level >= LEVEL_HEARD && !check.heard) {
      check.heard = true;
      check.dotnet.invokeMethodAsync('HeardSound').catch(() => { });
    }
  };
  check.frame = setInterval(tick, 40);
  audio.resume?.().catch(() => { });
}

function stopAll(check) {
  clearInterval(check.frame);
  check.frame = 0;
  check.audio?.close().catch(() => { });
  check.audio = null;
  stopStream(check.camera);
  stopStream(check.microphone);
  check.camera = null;
  check.microphone = null;
  if (check.video) {
    check.video.srcObject = null;
  }
}

/** Stops every track (the camera light goes off) and the level meter. */
function dispose(check) {
  check.disposed = true;
  stopAll(check);
}
