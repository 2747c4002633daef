// The manifest's egress as the sandbox applies it: Forge's matching (protocol and host, `*` globs), the 403 a blocked
// fetch gets, and routes from host names of the sandbox's own to local emulators.
import { BLOCKED_EGRESS, blockedEgressResponse, EgressGate, FORGE_PROXY_ERROR_HEADER } from './egress';

describe('EgressGate.allows', () => {
  const gate = new EgressGate([
    'https://*.teamsupport.com',
    'api.brevo.com',
    'https://hooks.example.com/only/this/path',
    'http://plain.example.net',
  ]);

  it.each([
    ['https://app.teamsupport.com/api/json/tickets', true],
    ['https://app.na2.teamsupport.com/', true],
    ['https://sandbox.teamsupport.com/x', true],
    ['https://teamsupport.com/', false],
    ['https://xteamsupport.com/', false],
    ['https://teamsupport.com.evil.com/', false],
    ['http://app.teamsupport.com/', false],
    ['https://app.teamsupport.com:8443/', false],
    ['https://api.brevo.com/v3/smtp/email', true],
    ['http://api.brevo.com/', false],
    ['https://hooks.example.com/any/other/path', true],
    ['http://plain.example.net/', true],
    ['https://plain.example.net/', false],
    ['http://127.0.0.1:4022/api/json/tickets', false],
    ['http://localhost/', false],
  ])('%s → %s', (url, allowed) => {
    expect(gate.allows(new URL(url))).toBe(allowed);
  });

  it("allows everything for '*'", () => {
    expect(new EgressGate(['*']).allows(new URL('http://127.0.0.1/'))).toBe(true);
  });

  it('allows nothing without entries', () => {
    expect(new EgressGate([]).allows(new URL('https://app.teamsupport.com/'))).toBe(false);
  });
});

describe('EgressGate routes', () => {
  it('sends a routed origin to the local server, path and query kept, and leaves other hosts alone', () => {
    const gate = new EgressGate(['https://*.teamsupport.com']);
    gate.route('https://sandbox.teamsupport.com', 'http://127.0.0.1:4022');
    expect(gate.admit(new URL('https://sandbox.teamsupport.com/api/json/tickets?a=1'))).toEqual({
      allowed: true,
      label: 'sandbox.teamsupport.com',
      target: new URL('http://127.0.0.1:4022/api/json/tickets?a=1'),
    });
    expect(gate.admit(new URL('https://app.teamsupport.com/api/json'))).toEqual({
      allowed: true,
      label: 'app.teamsupport.com',
      target: new URL('https://app.teamsupport.com/api/json'),
    });
    gate.unroute('https://sandbox.teamsupport.com/');
    expect(gate.admit(new URL('https://sandbox.teamsupport.com/x'))).toMatchObject({
      target: new URL('https://sandbox.teamsupport.com/x'),
    });
  });

  it('refuses a route the manifest would not let the app call, or one to more than an origin', () => {
    const gate = new EgressGate(['https://*.teamsupport.com']);
    expect(() => gate.route('https://api.brevo.com', 'http://127.0.0.1:4030')).toThrow(/does not allow it/);
    expect(() => gate.route('https://sandbox.teamsupport.com', 'http://127.0.0.1:4022/api')).toThrow(
      /leads to an origin/,
    );
  });

  it('blocks a routed host that the manifest no longer allows', () => {
    const gate = new EgressGate([]);
    expect(gate.admit(new URL('https://sandbox.teamsupport.com/'))).toEqual({ allowed: false });
  });
});

describe('blockedEgressResponse', () => {
  it("answers as Forge's egress proxy does: 403 with forge-proxy-error: BLOCKED_EGRESS", async () => {
    const response = blockedEgressResponse(new URL('https://evil.example.com/x'));
    expect(response.status).toBe(403);
    expect(response.headers.get(FORGE_PROXY_ERROR_HEADER)).toBe(BLOCKED_EGRESS);
    expect(await response.text()).toMatch(/https:\/\/evil\.example\.com is not allowed/);
  });
});
