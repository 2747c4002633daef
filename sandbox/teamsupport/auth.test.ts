// HTTP Basic auth in the TeamSupport emulator (organization id and API token), and data kept per organization.
import type { TeamSupportEmulator } from './emulator';
import { ApiClient, objectAt, parseJson, setUpSmallOrg, startFrozen } from './teamsupport.test-support';
import { DEFAULT_ORG } from './seed';

let ts: TeamSupportEmulator;

beforeEach(async () => {
  ts = await startFrozen();
});

afterEach(async () => {
  await ts.close();
});

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function expectAccessDenied(authorization: string | undefined): Promise<void> {
  const response = await new ApiClient(ts.apiUrl, authorization).get('/tickets/1');
  expect(response.status).toBe(401);
  expect(response.text).toBe('401 Access Denied');
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(response.headers.get('www-authenticate')).toBe('Basic Realm="TeamSupport-API"');
}

describe('HTTP Basic auth with OrganizationID and API token', () => {
  it('accepts the seeded org and its token', async () => {
    expect(ts.org().organizationId).toBe(DEFAULT_ORG.organizationId);
    const response = await ApiClient.for(ts).get('/tickets/1');
    expect(response.status).toBe(200);
  });

  it('answers 401 text/plain with WWW-Authenticate for missing, wrong or malformed credentials', async () => {
    await expectAccessDenied(undefined);
    await expectAccessDenied(basic(DEFAULT_ORG.organizationId, '00000000-0000-0000-0000-000000000000'));
    await expectAccessDenied(basic('999', DEFAULT_ORG.apiToken));
    await expectAccessDenied(basic('jane.doe@acme.example', DEFAULT_ORG.apiToken));
    await expectAccessDenied(basic(DEFAULT_ORG.organizationId, 'not-a-guid'));
    await expectAccessDenied('Bearer abc');
  });

  it('compares the token as a GUID (braces and missing hyphens are the same token)', async () => {
    const braces = basic(DEFAULT_ORG.organizationId, `{${DEFAULT_ORG.apiToken.toUpperCase()}}`);
    expect((await new ApiClient(ts.apiUrl, braces).get('/tickets/1')).status).toBe(200);
    const compact = basic(DEFAULT_ORG.organizationId, DEFAULT_ORG.apiToken.replace(/-/g, ''));
    expect((await new ApiClient(ts.apiUrl, compact).get('/tickets/1')).status).toBe(200);
  });

  it('refuses an org whose API access is switched off', async () => {
    ts.org().updateSettings({ apiEnabled: false });
    await expectAccessDenied(ts.org().authorizationHeader());
  });
});

describe('several organisations', () => {
  it('keeps data per org: another org’s ticket id is refused with 401, ticket numbers are per org', async () => {
    const other = setUpSmallOrg(ts, { timeZone: 'Europe/Berlin', culture: 'de-DE' });
    const theirs = other.createTicket({ name: 'Berlin ticket' });
    const ours = ts.org().ticket(1);
    const otherApi = ApiClient.for(ts, other);

    const foreign = await otherApi.get(`/tickets/${ours.ticketId}`);
    expect([foreign.status, foreign.text]).toEqual([401, 'Error Code: Unauthorized']);

    // TicketNumber 1 exists in both orgs; each sees its own.
    const byNumber = objectAt(parseJson(await otherApi.get('/tickets/1')), 'Ticket');
    expect(byNumber).toMatchObject({ TicketID: String(theirs.ticketId), Name: 'Berlin ticket' });
    // Each org formats dates in its own culture and time zone: 2024-05-01 17:00 UTC.
    expect(byNumber['DateCreated']).toBe('01.05.2024 19:00');
  });
});
