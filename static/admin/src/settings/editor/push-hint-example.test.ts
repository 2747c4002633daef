// The admin page's curl example really signs a hint the backend accepts: the script runs in bash with the machine's
// openssl, `curl` replaced by a function that prints what it would send, and the request it built is checked by the
// backend's own signature check (src/domain/push-hint.ts).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import {
  isFresh,
  PushHintBodySchema,
  readSignedParts,
  signatureMatches,
  SIGNATURE_HEADER as BACKEND_SIGNATURE_HEADER,
  TIMESTAMP_HEADER as BACKEND_TIMESTAMP_HEADER,
} from '../../../../../src/domain/push-hint';
import {
  hintBody,
  pushHintCurlExample,
  SECRET_PLACEHOLDER,
  shellQuote,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './push-hint-example';

/** Runs the example with `curl` printing its arguments one per line; what it would have sent. */
function sentBy(script: string): { url: string; headers: Map<string, string>; body: string } {
  const out = execFileSync('bash', ['-c', `set -euo pipefail\ncurl() { printf '%s\\n' "$@"; }\n${script}`], {
    encoding: 'utf8',
  });
  const args = out.split('\n');
  const headers = new Map<string, string>();
  let url = '';
  let body = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-H') {
      const [name = '', ...value] = (args[++i] ?? '').split(': ');
      headers.set(name.toLowerCase(), value.join(': '));
    } else if (arg === '--data-raw') body = args[++i] ?? '';
    else if (arg === '-X') i++;
    else if (arg.startsWith('http')) url = arg;
  }
  return { url, headers, body };
}

const URL_ = 'https://example.atlassian-dev.net/x1/abc?key=value';
// A secret as rotatePushHintSecret makes one (32 random bytes, base64url), with the characters a shell cares about.
const SECRET = 'q8-Zx_3Kp0vR9sT2uW4yA6cE8gI0kM2oQ4sU6wY8a0c';

describe('pushHintCurlExample', () => {
  it('signs the hint the way the web trigger checks it', () => {
    const sent = sentBy(pushHintCurlExample({ url: URL_, instanceId: 'ts-eu', secret: SECRET }));
    expect(sent.url).toBe(URL_);
    expect(sent.headers.get('content-type')).toBe('application/json');
    expect(PushHintBodySchema.parse(JSON.parse(sent.body))).toEqual({
      instanceId: 'ts-eu',
      ticketNumber: '1234',
    });
    const signed = readSignedParts((name) => sent.headers.get(name));
    if (!signed.ok) throw new Error(`the example's headers were refused: ${signed.refusal}`);
    expect(isFresh(signed.timestamp, new Date())).toBe(true);
    expect(signatureMatches(SECRET, signed.timestamp, sent.body, signed.signature)).toBe(true);
    expect(signatureMatches('another secret', signed.timestamp, sent.body, signed.signature)).toBe(false);
  });

  it('names the ticket it is given, and quotes what a shell would otherwise read', () => {
    const sent = sentBy(
      pushHintCurlExample({
        url: "https://host.invalid/it's?a=1&b=$HOME",
        instanceId: 'ts-eu',
        secret: "it's $HOME",
        ticketNumber: 77,
      }),
    );
    expect(sent.url).toBe("https://host.invalid/it's?a=1&b=$HOME");
    expect(sent.body).toBe(hintBody('ts-eu', 77));
    const signed = readSignedParts((name) => sent.headers.get(name));
    if (!signed.ok) throw new Error(`the example's headers were refused: ${signed.refusal}`);
    expect(signatureMatches("it's $HOME", signed.timestamp, sent.body, signed.signature)).toBe(true);
  });

  it('has a placeholder where the secret goes when the page does not have it', () => {
    const example = pushHintCurlExample({ url: URL_, instanceId: 'ts-eu' });
    expect(example).toContain(`SECRET='${SECRET_PLACEHOLDER}'`);
    expect(example).not.toContain(SECRET);
  });

  it('uses the backend’s header names', () => {
    expect([TIMESTAMP_HEADER, SIGNATURE_HEADER]).toEqual([
      BACKEND_TIMESTAMP_HEADER,
      BACKEND_SIGNATURE_HEADER,
    ]);
  });
});

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['$HOME `x` "y"', '\'$HOME `x` "y"\''],
  ])('%p → %p', (text, quoted) => {
    expect(shellQuote(text)).toBe(quoted);
    expect(execFileSync('bash', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' })).toBe(text);
  });
});
