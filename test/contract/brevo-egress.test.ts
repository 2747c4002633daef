// The Brevo connector calls exactly the host manifest.yml's egress allows, and the sandbox routes that host to the
// Brevo emulator (sandbox/runtime/egress.ts).
import path from 'node:path';
import { SANDBOX_BREVO_URL } from '../../sandbox/brevo';
import { EgressGate } from '../../sandbox/runtime/egress';
import { loadManifest } from '../../sandbox/runtime/manifest';
import { BREVO_API_URL } from '../../src/connectors/brevo';

const manifest = loadManifest(path.resolve(__dirname, '../..'));
const egress = new EgressGate(manifest.egress);

it("lets the app call Brevo's API host, and no other Brevo host", () => {
  expect(manifest.egress).toContain(BREVO_API_URL);
  expect(egress.allows(new URL(`${BREVO_API_URL}/v3/events`))).toBe(true);
  for (const other of [
    'https://api.sendinblue.com/v3/events',
    'https://in-automate.brevo.com/api/v2/trackEvent',
  ]) {
    expect(egress.allows(new URL(other))).toBe(false);
  }
});

it('routes the same origin to the emulator in the sandbox', () => {
  expect(SANDBOX_BREVO_URL).toBe(BREVO_API_URL);
  egress.route(SANDBOX_BREVO_URL, 'http://127.0.0.1:4023');
  expect(egress.admit(new URL(`${BREVO_API_URL}/v3/events?x=1`))).toEqual({
    allowed: true,
    label: 'api.brevo.com',
    target: new URL('http://127.0.0.1:4023/v3/events?x=1'),
  });
});
