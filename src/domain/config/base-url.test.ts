import { isLoopbackHost, normalizeBaseUrl } from './base-url';

/** `expect.stringMatching` is typed `any`; this keeps the matcher out of the `any` lint rules. */
function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://app.teamsupport.com', 'https://app.teamsupport.com'],
    ['https://app.teamsupport.com/', 'https://app.teamsupport.com'],
    ['https://App.NA2.TeamSupport.com/API/JSON', 'https://app.na2.teamsupport.com'],
    ['https://app.na3.teamsupport.com/api/', 'https://app.na3.teamsupport.com'],
    ['https://app.teamsupport.com:443//', 'https://app.teamsupport.com'],
    ['https://ts.example.com:8443/proxy/', 'https://ts.example.com:8443/proxy'],
    ['  http://localhost:3000/api/json  ', 'http://localhost:3000'],
    ['http://127.1:9000', 'http://127.0.0.1:9000'],
    ['http://127.255.0.9/', 'http://127.255.0.9'],
    ['http://[0:0:0:0:0:0:0:1]:8080/', 'http://[::1]:8080'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['http://app.teamsupport.com', /Use https:\/\//],
    ['http://128.0.0.1', /Use https:\/\//],
    ['http://localhost.example.com', /Use https:\/\//],
    ['http://[::2]', /Use https:\/\//],
    ['ftp://app.teamsupport.com', /Use an https:\/\/ address/],
    ['https://user@app.teamsupport.com', /Remove the user name and password/],
    ['https://:pw@app.teamsupport.com', /Remove the user name and password/],
    ['https://app.teamsupport.com/#', /Remove the query \(\?…\) and fragment/],
    ['https://app.teamsupport.com?', /Remove the query/],
    ['https://app.teamsupport.com/api/json/tickets', /without an API path/],
    ['https://app.teamsupport.com/api/xml', /without an API path/],
    ['app.teamsupport.com', /including https:\/\//],
    ['', /including https:\/\//],
  ])('rejects %j', (raw, message) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: false, message: matching(message) });
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.200.3.4', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['10.0.0.1', false],
    ['[::]', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
