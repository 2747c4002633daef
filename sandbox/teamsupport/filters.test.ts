// List filters in the TeamSupport emulator: date filters ([gt], [lt]) and value filters ([null], [contains], [not]).
import type { OrgAdmin } from './admin/org-admin';
import { toFilterDate } from './dates';
import type { TeamSupportEmulator } from './emulator';
import {
  ApiClient,
  listItems,
  parseJson,
  setUpSmallOrg,
  startFrozen,
  stringAt,
  type ApiResponse,
} from './teamsupport.test-support';

let ts: TeamSupportEmulator;
let org: OrgAdmin;
let api: ApiClient;

const T0 = new Date('2024-05-01T10:00:00.000Z');
const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);

beforeEach(async () => {
  ts = await startFrozen({ seed: 'empty' });
  org = setUpSmallOrg(ts);
  api = ApiClient.for(ts, org);
  // Three tickets modified at 10:00:00.000, 10:00:30.000 (same minute on the wire) and 11:00 UTC.
  ts.clock.set(at(0));
  org.createTicket({
    name: 'Alpha export bug',
    ticketType: 'Bug',
    customFields: { JiraIssueKey: 'PROJ-42' },
  });
  ts.clock.set(at(30_000));
  org.createTicket({ name: 'Beta question', ticketType: 'Question', status: 'Answered' });
  ts.clock.set(at(60 * 60_000));
  org.createTicket({ name: 'Gamma export crash', ticketType: 'Bug' });
});

afterEach(async () => {
  await ts.close();
});

function names(response: ApiResponse): string[] {
  expect(response.status).toBe(200);
  return listItems(parseJson(response), 'Tickets').map((item) => stringAt(item, 'Name'));
}

const paged = (query: string): Promise<ApiResponse> => api.get(`/tickets?pageNumber=1&pageSize=50&${query}`);

describe('date filters (§8): yyyyMMddHHmmss UTC, lt = before, anything else = strictly after', () => {
  it('[gt] and no operator both mean strictly after, compared at full precision', async () => {
    const filter = toFilterDate(T0); // 20240501100000
    expect(filter).toBe('20240501100000');
    expect(names(await paged(`DateModified[gt]=${filter}`))).toEqual(['Beta question', 'Gamma export crash']);
    expect(names(await paged(`DateModified=${filter}`))).toEqual(['Beta question', 'Gamma export crash']);
    expect(names(await paged(`DateModified[gte]=${filter}`))).toEqual([
      'Beta question',
      'Gamma export crash',
    ]);
  });

  it('[lt] means before', async () => {
    expect(names(await paged('DateModified[lt]=20240501100030'))).toEqual(['Alpha export bug']);
    expect(names(await paged('DateCreated[lt]=20240501110000'))).toEqual([
      'Alpha export bug',
      'Beta question',
    ]);
  });

  it('ignores a date that is not 14 digits (matches nothing) and works in the unpaged in-memory list too', async () => {
    expect(names(await paged('DateModified[gt]=2024-05-01'))).toEqual([]);
    expect(names(await api.get('/tickets?DateModified[gt]=20240501103000'))).toEqual(['Gamma export crash']);
  });
});

describe('value filters', () => {
  it('[null] means empty and [not]=[null] means not empty', async () => {
    expect(names(await paged('DateClosed=[null]'))).toEqual(['Alpha export bug', 'Gamma export crash']);
    expect(names(await paged('DateClosed[not]=[null]'))).toEqual(['Beta question']);
  });

  it('[contains], [doesnotcontain] and [not] on text, case-insensitively by field name', async () => {
    expect(names(await paged('name[contains]=EXPORT'))).toEqual(['Alpha export bug', 'Gamma export crash']);
    expect(names(await paged('Name[doesnotcontain]=export'))).toEqual(['Beta question']);
    expect(names(await paged('Name[not]=Beta%20question'))).toEqual([
      'Alpha export bug',
      'Gamma export crash',
    ]);
  });

  it('ORs repeated parameters and ANDs different ones', async () => {
    expect(names(await paged('TicketNumber=1&TicketNumber=3'))).toEqual([
      'Alpha export bug',
      'Gamma export crash',
    ]);
    expect(names(await paged('TicketNumber=1&TicketNumber=3&Name[contains]=crash'))).toEqual([
      'Gamma export crash',
    ]);
  });

  it('compares numbers with [gt] and [lte]', async () => {
    expect(names(await paged('TicketNumber[gt]=1'))).toEqual(['Beta question', 'Gamma export crash']);
    expect(names(await paged('TicketNumber[lte]=2'))).toEqual(['Alpha export bug', 'Beta question']);
  });

  it('filters booleans spelled true/false and custom fields by API name', async () => {
    expect(names(await paged('isClosed=False'))).toEqual(['Alpha export bug', 'Gamma export crash']);
    expect(names(await paged('JiraIssueKey=PROJ-42'))).toEqual(['Alpha export bug']);
    expect(names(await paged('jiraissuekey=[null]'))).toEqual(['Beta question', 'Gamma export crash']);
  });
});

describe('filter errors and the two evaluation modes', () => {
  it('answers 406 for a TicketTypeID of no ticket type of the org', async () => {
    const other = setUpSmallOrg(ts);
    for (const id of ['999', 'abc', String(other.ticketType('Bug').id)]) {
      const response = await api.get(`/tickets?TicketTypeID=${id}`);
      expect([response.status, response.text]).toEqual([406, 'Invalid TicketTypeID to filter.']);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    const valid = await api.get(`/tickets?TicketTypeID=${org.ticketType('Question').id}`);
    expect(names(valid)).toEqual(['Beta question']);
  });

  it('ignores unknown parameters when paging but empties the unpaged (in-memory) list', async () => {
    expect(names(await paged('modifiedSince=20240101000000'))).toHaveLength(3);
    expect((await api.get('/tickets?modifiedSince=20240101000000')).text).toBe('{"Tickets":null}');
  });

  it('parses booleans strictly in memory: IsClosed=1 fails with bool.Parse’s message', async () => {
    const response = await api.get('/tickets?IsClosed=1');
    expect(response.status).toBe(500);
    expect(response.text).toMatch(/^Internal Server Error: String was not recognized as a valid Boolean\./);
  });

  it('fails a paged query whose value does not parse with the paging error text', async () => {
    const response = await paged('TicketNumber=abc');
    expect([response.status, response.text]).toEqual([
      500,
      'There was an error processing your request. Please contact TeamSupport.com',
    ]);
  });
});
