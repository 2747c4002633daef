// Holds the server-address rule and manifest.yml's egress to each other: the rule accepts only what the egress lets
// the app call, so a saved instance can always be reached (src/domain/config/base-url.ts).
import path from 'node:path';
import { normalizeBaseUrl, TEAMSUPPORT_EGRESS } from '../../src/domain/config';
import { EgressGate } from '../../sandbox/runtime/egress';
import { loadManifest } from '../../sandbox/runtime/manifest';
import { SANDBOX_TEAMSUPPORT_URL } from '../../sandbox/teamsupport';

const manifest = loadManifest(path.resolve(__dirname, '../..'));
const egress = new EgressGate(manifest.egress);

describe('server addresses ↔ manifest.yml egress', () => {
  it("lists the address rule's pattern under permissions.external.fetch.backend", () => {
    expect(manifest.egress).toContain(TEAMSUPPORT_EGRESS);
  });

  it.each([
    'https://app.teamsupport.com',
    'https://app.na2.teamsupport.com/api/json/',
    'https://APAC.TeamSupport.com',
    SANDBOX_TEAMSUPPORT_URL,
  ])('accepts %s only because the egress allows it', (raw) => {
    const result = normalizeBaseUrl(raw);
    if (!result.ok) throw new Error(result.message);
    expect(egress.allows(new URL(`${result.value}/api/json/tickets`))).toBe(true);
  });

  it.each([
    'https://evil.example.com',
    'https://10.0.0.1',
    'https://169.254.169.254',
    'https://teamsupport.com',
    'https://teamsupport.com.evil.com',
    'https://xteamsupport.com',
    'https://app.teamsupport.com:8443',
    'http://127.0.0.1:4022',
    'http://app.teamsupport.com',
  ])('refuses %s, which the egress would block', (raw) => {
    expect(normalizeBaseUrl(raw).ok).toBe(false);
    expect(egress.allows(new URL(raw))).toBe(false);
  });
});
