'use strict';
// Independent check of a ZoomPortal Meeting SDK signature with jsrsasign, the library Zoom's
// meetingsdk-auth-endpoint-sample signs with. Reads {"token": "...", "secret": "..."} as JSON on stdin
// (so the secret never appears in a process list or a shell history) and prints {valid, header, payload}.
// Usage: echo '{"token":"…","secret":"…"}' | node tests/signer-verify/verify.js
const { KJUR, b64utoutf8 } = require('jsrsasign');

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { text += chunk; });
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

function decodePart(part) {
  try {
    return JSON.parse(b64utoutf8(part));
  } catch {
    return null;
  }
}

async function main() {
  const input = JSON.parse(await readStdin());
  if (typeof input.token !== 'string' || typeof input.secret !== 'string') {
    throw new Error('stdin must be JSON with string properties "token" and "secret".');
  }

  const parts = input.token.split('.');
  // {utf8: …} keys the HMAC with the secret's UTF-8 bytes, as the portal does. A bare string would be read
  // as hex when it looks like hex (jsrsasign's Mac.setPassword), which is a trap of Zoom's sample, not of ours.
  const valid = parts.length === 3 && KJUR.jws.JWS.verify(input.token, { utf8: input.secret }, ['HS256']);
  const result = {
    valid,
    header: parts.length === 3 ? decodePart(parts[0]) : null,
    payload: parts.length === 3 ? decodePart(parts[1]) : null,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  process.stderr.write(`verify.js: ${error.message}\n`);
  process.exit(2);
});
