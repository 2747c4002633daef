// TeamSupport addresses: normalised, refused with the allowed pattern named, and read back from storage.
import { isTeamSupportHost, normalizeBaseUrl, StoredBaseUrlSchema } from './base-url';

/** `expect.stringMatching` is typed `any`; this keeps the matcher out of the `any` lint rules. */
function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

const NOT_TEAMSUPPORT = /is not a TeamSupport address\. TeamSupport addresses end in \.teamsupport\.com/;

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://app.teamsupport.com', 'https://app.teamsupport.com'],
    ['https://app.na2.teamsupport.com', 'https://app.na2.teamsupport.com'],
    ['https://app.teamsupport.com/', 'https://app.teamsupport.com'],
    ['https://App.NA2.TeamSupport.com/API/JSON', 'https://app.na2.teamsupport.com'],
    ['https://app.na3.teamsupport.com/api/', 'https://app.na3.teamsupport.com'],
    ['https://app.na2.teamsupport.com/api/json/', 'https://app.na2.teamsupport.com'],
    ['https://app.teamsupport.com:443//', 'https://app.teamsupport.com'],
    ['  https://apac.teamsupport.com  ', 'https://apac.teamsupport.com'],
    ['https://sandbox.teamsupport.com', 'https://sandbox.teamsupport.com'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: true, value: expected });
  });

  // Every one of these was accepted before the rule followed the manifest's egress (`https://*.teamsupport.com`).
  it.each([
    ['https://evil.example.com', NOT_TEAMSUPPORT],
    ['https://10.0.0.1', NOT_TEAMSUPPORT],
    ['https://169.254.169.254', NOT_TEAMSUPPORT],
    ['https://[::1]', NOT_TEAMSUPPORT],
    ['https://0x7f.1', NOT_TEAMSUPPORT],
    ['https://teamsupport.com', NOT_TEAMSUPPORT],
    ['https://teamsupport.com.evil.com', NOT_TEAMSUPPORT],
    ['https://xteamsupport.com', NOT_TEAMSUPPORT],
    ['https://app.teamsupport.com.', NOT_TEAMSUPPORT],
    ['https://app.teamsupport.co', NOT_TEAMSUPPORT],
    ['https://app_1.teamsupport.com', NOT_TEAMSUPPORT],
    ['https://-app.teamsupport.com', NOT_TEAMSUPPORT],
    ['https://ts.example.com:8443/proxy/', NOT_TEAMSUPPORT],
    ['https://app.teamsupport.com\\@evil.com', /Remove the backslash/],
    ['https://app.teamsupport.com@evil.com', /Remove the user name and password/],
    ['https://evil.com#@app.teamsupport.com', /Remove the user name and password/],
    ['https://user@app.teamsupport.com', /Remove the user name and password/],
    ['https://:pw@app.teamsupport.com', /Remove the user name and password/],
    ['http://127.0.0.1:4022', /^Use https:\/\/.*TeamSupport addresses end in \.teamsupport\.com/],
    ['http://localhost:3000/api/json', /^Use https:\/\//],
    ['http://app.teamsupport.com', /^Use https:\/\//],
    ['ftp://app.teamsupport.com', /^Use https:\/\//],
    ['https://app.teamsupport.com:8443', /Remove the port \(:8443\)/],
    ['https://app.teamsupport.com:80', /Remove the port \(:80\)/],
    ['https://app.teamsupport.com/#', /Remove the query \(\?…\) and fragment/],
    ['https://app.teamsupport.com?', /Remove the query/],
    ['https://app.teamsupport.com/api/json/tickets', /without an API path/],
    ['https://app.teamsupport.com/api/xml', /without an API path/],
    ['https://app.teamsupport.com/proxy', /without a path \(\/proxy\)/],
    ['https://app.teamsupport.com/%2e%2e/evil', /without a path/],
    ['app.teamsupport.com', /including https:\/\//],
    ['', /including https:\/\//],
  ])('refuses %j', (raw, message) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: false, message: matching(message) });
  });

  it('names the allowed pattern with examples when it refuses a host', () => {
    expect(normalizeBaseUrl('https://evil.example.com')).toEqual({
      ok: false,
      message:
        'evil.example.com is not a TeamSupport address. TeamSupport addresses end in .teamsupport.com ' +
        '(https://app.teamsupport.com, https://app.na2.teamsupport.com …); the app may only call those hosts.',
    });
  });
});

describe('isTeamSupportHost', () => {
  it.each([
    ['app.teamsupport.com', true],
    ['app.na2.teamsupport.com', true],
    ['a-b.teamsupport.com', true],
    ['teamsupport.com', false],
    ['xteamsupport.com', false],
    ['teamsupport.com.evil.com', false],
    ['app.teamsupport.com:8443', false],
    ['10.0.0.1', false],
  ])('%s → %s', (host, expected) => {
    expect(isTeamSupportHost(host)).toBe(expected);
  });
});

describe('StoredBaseUrlSchema', () => {
  it.each(['https://app.teamsupport.com', 'https://ts.example.com:8443/proxy', 'http://127.0.0.1:4022'])(
    'reads back %s as saved by older rules',
    (stored) => {
      expect(StoredBaseUrlSchema.parse(stored)).toBe(stored);
    },
  );

  it.each(['', 'app.teamsupport.com', 'ftp://app.teamsupport.com'])('refuses %j', (stored) => {
    expect(StoredBaseUrlSchema.safeParse(stored).success).toBe(false);
  });
});
