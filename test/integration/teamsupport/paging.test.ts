// Ticket lists: the modified-since window, paging with both parameters, the one-item and empty-page shapes, and the
// custom-field search.
import { IntegrationError } from '../../../src/lib/errors';
import type { Ticket } from '../../../src/domain/ticket';
import type { TicketSystem } from '../../../src/sync/ports/ticket-system';
import { rejection, startHarness, type Harness } from './harness';

let h: Harness;
/** a minute boundary a day after the seeded data */
let base: number;
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHarness();
});
beforeEach(() => {
  h.reset();
  base = Math.ceil((h.ts.clock.now().getTime() + 24 * 60 * MINUTE) / MINUTE) * MINUTE;
});
afterAll(() => h.close());

/** Creates tickets modified at base + 1, 2, … minutes; returns their ids. */
function createTicketsOverMinutes(count: number): string[] {
  const ids: string[] = [];
  for (let index = 1; index <= count; index++) {
    h.ts.clock.set(new Date(base + index * MINUTE));
    ids.push(String(h.org.createTicket({ name: `Ticket ${index}`, ticketType: 'Bug' }).ticketId));
  }
  return ids;
}

/** Reads every page of the window as a pull cycle would. */
async function readWindow(
  ts: TicketSystem,
  since: Date,
  pageSize: number,
): Promise<{ pages: Ticket[][]; totals: number[] }> {
  const pages: Ticket[][] = [];
  const totals: number[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await ts.listTicketsModifiedSince(since, { pageNumber, pageSize });
    pages.push(page.tickets);
    totals.push(page.totalRecords);
    if (page.tickets.length === 0 || pageNumber * pageSize >= page.totalRecords) return { pages, totals };
  }
}

describe('listTicketsModifiedSince', () => {
  it('pages through the window with DateModified[gt], pageNumber and pageSize, including a one-item last page', async () => {
    const created = createTicketsOverMinutes(7);
    h.ts.clearRequests();
    const { pages, totals } = await h.run((ts) => readWindow(ts, new Date(base), 3));
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(totals).toEqual([7, 7, 7]);
    expect(pages.flat().map((ticket) => ticket.id)).toEqual(created);
    const filterDate = new Date(base).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    // Egress went through @forge/api's fetch, attributed to the invocation and the instance host.
    const [invocation] = h.sandbox.accounting.invocations().slice(-1);
    expect(invocation?.requests[new URL(h.ts.appUrl).host]?.count).toBe(3);
    expect(h.apiRequests().map((entry) => entry.url)).toEqual([
      `/api/json/tickets?DateModified[gt]=${filterDate}&pageNumber=1&pageSize=3`,
      `/api/json/tickets?DateModified[gt]=${filterDate}&pageNumber=2&pageSize=3`,
      `/api/json/tickets?DateModified[gt]=${filterDate}&pageNumber=3&pageSize=3`,
    ]);
  });

  it('returns only tickets modified strictly after the given time, old tickets included when they change', async () => {
    const created = createTicketsOverMinutes(6);
    h.ts.clock.set(new Date(base + 10 * MINUTE));
    h.org.updateTicket(1, { name: 'Export fails for large files (again)' });
    const { pages } = await h.run((ts) => readWindow(ts, new Date(base + 4 * MINUTE), 50));
    expect(pages.flat().map((ticket) => ticket.number)).toEqual([
      '1',
      ...created.slice(4).map((id) => String(h.org.ticket(Number(id)).ticketNumber)),
    ]);
    expect(pages.flat()[0]?.dateModified).toEqual(new Date(base + 10 * MINUTE));
  });

  it('reads a window with exactly one ticket (the bare-object page)', async () => {
    const [only] = createTicketsOverMinutes(1);
    const page = await h.run((ts) =>
      ts.listTicketsModifiedSince(new Date(base), { pageNumber: 1, pageSize: 50 }),
    );
    expect(page.tickets.map((ticket) => ticket.id)).toEqual([only]);
    expect(page.totalRecords).toBe(1);
  });

  it('reads an empty window and a page past the end (counters-only pages) as no tickets', async () => {
    createTicketsOverMinutes(2);
    const pages = await h.run(async (ts) => ({
      empty: await ts.listTicketsModifiedSince(new Date(base + 60 * MINUTE), { pageNumber: 1, pageSize: 50 }),
      pastTheEnd: await ts.listTicketsModifiedSince(new Date(base), { pageNumber: 3, pageSize: 1 }),
    }));
    expect(pages.empty).toEqual({ tickets: [], totalRecords: 0 });
    expect(pages.pastTheEnd.tickets).toEqual([]);
  });

  it('refuses a page number or size below 1 without a request', async () => {
    h.ts.clearRequests();
    const error = await rejection(
      h.run((ts) => ts.listTicketsModifiedSince(new Date(base), { pageNumber: 0, pageSize: 50 })),
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(h.apiRequests()).toHaveLength(0);
  });
});

describe('findTicketsByField', () => {
  it('finds the tickets whose custom field holds the value, ignoring case', async () => {
    const crash = h.org.ticket(4);
    const found = await h.run((ts) => ts.findTicketsByField('JiraIssueKey', 'proj-7'));
    expect(found.map((ticket) => ticket.id)).toEqual([String(crash.ticketId)]);
  });

  it('pages through all matches (3 pages of 50)', async () => {
    const wanted: string[] = [];
    for (let index = 0; index < 120; index++) {
      wanted.push(
        String(
          h.org.createTicket({
            name: `New ${index}`,
            ticketType: 'Question',
            customFields: { JiraIssueKey: 'NEW' },
          }).ticketId,
        ),
      );
      h.org.createTicket({
        name: `Linked ${index}`,
        ticketType: 'Bug',
        customFields: { JiraIssueKey: `PROJ-${100 + index}` },
      });
    }
    h.ts.clearRequests();
    const found = await h.run((ts) => ts.findTicketsByField('JiraIssueKey', 'NEW'));
    expect(found.map((ticket) => ticket.id)).toEqual(wanted);
    expect(h.apiRequests().map((entry) => entry.url)).toEqual([
      '/api/json/tickets?JiraIssueKey=NEW&pageNumber=1&pageSize=50',
      '/api/json/tickets?JiraIssueKey=NEW&pageNumber=2&pageSize=50',
      '/api/json/tickets?JiraIssueKey=NEW&pageNumber=3&pageSize=50',
    ]);
  });

  it('drops tickets of types that do not have the field', async () => {
    // CustomerImpact exists on Bug only; the paged query still returns tickets of the other types.
    const found = await h.run((ts) => ts.findTicketsByField('CustomerImpact', 'High'));
    expect(found.map((ticket) => ticket.number)).toEqual(['4']);
  });

  it('stops with a validation error when the server ignores an unknown field instead of walking every ticket', async () => {
    h.ts.clearRequests();
    const error = await rejection(h.run((ts) => ts.findTicketsByField('JiraIssueKee', 'PROJ-7')));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/ignored the filter JiraIssueKee=PROJ-7/) as unknown,
    });
    expect(h.apiRequests().map((entry) => entry.url)).toEqual([
      '/api/json/tickets?JiraIssueKee=PROJ-7&pageNumber=1&pageSize=50',
      '/api/json/tickets?pageNumber=1&pageSize=1',
    ]);
  });

  it.each(['pageSize', 'Jira Issue Key', 'TicketNumber', ''])(
    'refuses %j as a field name without a request',
    async (field) => {
      h.ts.clearRequests();
      const error = await rejection(h.run((ts) => ts.findTicketsByField(field, 'x')));
      expect(error).toMatchObject({ kind: 'validation' });
      expect(h.apiRequests()).toHaveLength(0);
    },
  );
});
