// Incremental pulls (`DateModified[gt]` with paging) over a large org, and the cases where a ticket's DateModified
// moves: the answer must follow every change, whatever way it was made.
import type { OrgAdmin } from './admin/org-admin';
import { toFilterDate } from './dates';
import type { TeamSupportEmulator } from './emulator';
import {
  ApiClient,
  at,
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

const T0 = new Date('2026-11-21T10:00:00.000Z');
const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
const SINCE_T0 = toFilterDate(T0);

beforeEach(async () => {
  ts = await startFrozen({ seed: 'empty' });
  org = setUpSmallOrg(ts);
  api = ApiClient.for(ts, org);
  ts.clock.set(T0);
});

afterEach(async () => {
  await ts.close();
});

function ticketNumbers(response: ApiResponse): number[] {
  expect(response.status).toBe(200);
  return listItems(parseJson(response), 'Tickets').map((item) => Number(stringAt(item, 'TicketNumber')));
}

const pull = (since: string, query = 'pageNumber=1&pageSize=100'): Promise<ApiResponse> =>
  api.get(`/tickets?DateModified[gt]=${since}&${query}`);

describe('an incremental pull over 10,000 tickets', () => {
  it('returns exactly the 10 tickets changed since the last pull, in TicketNumber order', async () => {
    for (let index = 1; index <= 10_000; index += 1) {
      org.createTicket({ name: `Ticket ${index}`, ticketType: index % 2 === 0 ? 'Bug' : 'Question' });
    }
    ts.clock.set(later(5));
    const changed = [9_001, 17, 4_242, 10_000, 1, 777, 5_000, 2_468, 9_999, 123];
    for (const [index, ticketNumber] of changed.entries()) {
      // Every kind of change moves DateModified: admin edits, status changes, actions, API writes.
      if (index % 4 === 0) org.updateTicket(ticketNumber, { name: `Changed ${ticketNumber}` });
      else if (index % 4 === 1) org.addAction(ticketNumber, { description: 'A new comment' });
      else if (index % 4 === 2) org.setStatus(ticketNumber, ticketNumber % 2 === 0 ? 'Closed' : 'Answered');
      else
        expect((await api.put(`/tickets/${ticketNumber}`, { Ticket: { Name: 'Via API' } })).status).toBe(200);
    }

    const response = await pull(SINCE_T0);

    expect(ticketNumbers(response)).toEqual([...changed].sort((a, b) => a - b));
    expect(at(parseJson(response), 'TotalRecords')).toBe('10');
    expect((await pull(toFilterDate(later(5)))).text).toBe(
      '{"Tickets":{"RecordsReturned":"0","TotalRecords":"0"}}',
    );
  });
});

describe('DateModified filters follow every change', () => {
  beforeEach(() => {
    for (let index = 1; index <= 6; index += 1) org.createTicket({ name: `Ticket ${index}` });
  });

  it('drops a ticket whose DateModified a PUT moves back, and a deleted ticket', async () => {
    ts.clock.set(later(10));
    org.updateTicket(2, { name: 'Two' });
    org.updateTicket(3, { name: 'Three' });
    org.updateTicket(4, { name: 'Four' });
    expect(ticketNumbers(await pull(SINCE_T0))).toEqual([2, 3, 4]);

    const movedBack = await api.put('/tickets/3', { Ticket: { DateModified: '2026-01-01 08:00' } });
    expect(movedBack.status).toBe(200);
    expect((await api.delete('/tickets/4')).status).toBe(200);

    expect(ticketNumbers(await pull(SINCE_T0))).toEqual([2]);
    expect(
      ticketNumbers(await api.get(`/tickets?DateModified[lt]=${SINCE_T0}&pageNumber=1&pageSize=10`)),
    ).toEqual([3]);
  });

  it('pages the changed tickets and counts them all', async () => {
    ts.clock.set(later(1));
    for (const ticketNumber of [6, 2, 5, 1]) org.addAction(ticketNumber, { description: 'Reply' });

    expect(ticketNumbers(await pull(SINCE_T0, 'pageNumber=1&pageSize=3'))).toEqual([1, 2, 5]);
    const second = await pull(SINCE_T0, 'pageNumber=2&pageSize=3');
    expect(ticketNumbers(second)).toEqual([6]);
    expect(at(parseJson(second), 'TotalRecords')).toBe('4');
  });

  it('still fails on a value that does not parse in a filter before DateModified, even when nothing changed', async () => {
    // The server compares TicketNumber first on every row, so the bad value fails the request before DateModified
    // gets a say.
    const response = await api.get(
      `/tickets?TicketNumber=abc&DateModified[gt]=${toFilterDate(later(1))}&pageNumber=1&pageSize=10`,
    );

    expect([response.status, response.text]).toEqual([
      500,
      'There was an error processing your request. Please contact TeamSupport.com',
    ]);
  });
});
