// TeamSupport's per-minute and 24-hour request limits in the emulator: the 403 text and what is counted.
import type { TeamSupportEmulator } from './emulator';
import { ApiClient, setUpSmallOrg, startFrozen } from './teamsupport.test-support';

let ts: TeamSupportEmulator;

beforeEach(async () => {
  ts = await startFrozen();
});

afterEach(async () => {
  await ts.close();
});

const MINUTE = 60 * 1000;

describe('rate limits (§12)', () => {
  it('answers 403 text/plain with the minute message and no Retry-After once the minute limit is reached', async () => {
    ts.org().updateSettings({ minuteLimit: 3 });
    const api = ApiClient.for(ts);
    for (let i = 0; i < 3; i += 1) expect((await api.get('/properties/tickettypes')).status).toBe(200);

    const limited = await api.get('/properties/tickettypes');
    expect(limited.status).toBe(403);
    expect(limited.text).toBe('{ "Error": "You have exceeded your minute API request limit of 3."}');
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect([...limited.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([]);

    // The next clock minute starts a new window.
    ts.clock.advance(MINUTE);
    expect((await api.get('/properties/tickettypes')).status).toBe(200);
  });

  it('answers the 24 hour variant, which a new minute does not lift but a day does', async () => {
    ts.org().updateSettings({ dailyLimit: 2 });
    const api = ApiClient.for(ts);
    await api.get('/users');
    await api.get('/users');
    const limited = await api.get('/users');
    expect([limited.status, limited.text]).toEqual([
      403,
      '{ "Error": "You have exceeded your 24 hour API request limit of 2."}',
    ]);
    ts.clock.advance(MINUTE);
    expect((await api.get('/users')).status).toBe(403);
    ts.clock.advance(24 * 60 * MINUTE);
    expect((await api.get('/users')).status).toBe(200);
  });

  it('counts every authenticated request per org (refused ones included) and not failed logins', async () => {
    const other = setUpSmallOrg(ts);
    const api = ApiClient.for(ts);
    await api.get('/users');
    await api.get('/tickets/99999999');
    await new ApiClient(ts.apiUrl, 'Basic bm9wZQ==').get('/users');
    await ApiClient.for(ts, other).get('/users');

    expect(ts.org().counters()).toEqual({ minute: 2, day: 2, total: 2 });
    expect(other.counters()).toEqual({ minute: 1, day: 1, total: 1 });
    ts.clock.advance(MINUTE);
    expect(ts.org().counters()).toMatchObject({ minute: 0, day: 2 });
  });
});
