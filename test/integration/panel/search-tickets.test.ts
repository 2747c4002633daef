// Issue 20: the link form finds tickets by number or by words of their subject (searchTickets), through the ticket
// system's documented `Name[contains]` filter, bounded in results and in requests, and checked like linking.
import { z } from 'zod';
import { createWorld, dataOf, errorOf, users, type World } from '../world';

const matchSchema = z.strictObject({
  ticketId: z.string(),
  ticketNumber: z.string(),
  name: z.string(),
  status: z.string(),
  isClosed: z.boolean(),
  ticketType: z.string(),
  linkedHere: z.boolean(),
});
const resultSchema = z.strictObject({ tickets: z.array(matchSchema) });

describe('issue panel: searchTickets', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const search = (issue: { id: string; key: string }, query: string, accountId?: string) =>
    world.panel(
      'searchTickets',
      { instanceId: world.instanceId, query },
      accountId === undefined ? { issue } : { issue, accountId },
    );
  const names = async (issue: { id: string; key: string }, query: string) =>
    dataOf(await search(issue, query), resultSchema).tickets.map((ticket) => ticket.name);

  it('finds tickets holding every word of the subject, in any order and case, newest first', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    world.createTicket({ name: 'Invoice PDF shows the wrong VAT rate' });
    world.createTicket({ name: 'Invoice totals are rounded' });
    world.createTicket({ name: 'VAT missing on the invoice e-mail' });

    expect(await names(issue, 'vat INVOICE')).toEqual([
      'VAT missing on the invoice e-mail',
      'Invoice PDF shows the wrong VAT rate',
    ]);
    expect(await names(issue, 'rounded')).toEqual(['Invoice totals are rounded']);
    expect(await names(issue, 'nothing like this')).toEqual([]);
  });

  it('asks TeamSupport with its documented Name[contains] filter', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    world.createTicket({ name: 'Export stops at 2 GB' });
    world.ts.clearRequests();

    await names(issue, 'export');

    expect(world.ts.requests().map((request) => decodeURIComponent(request.url))).toEqual([
      expect.stringMatching(/\/tickets\?Name\[contains\]=export&pageNumber=1&pageSize=50$/),
    ]);
  });

  it('finds a ticket by its number, with or without #, and says whether it is linked here', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const ticket = world.createTicket({ name: 'Printer on fire' });
    await world.link(issue, ticket);

    const found = dataOf(await search(issue, `#${ticket.ticketNumber}`), resultSchema);

    expect(found.tickets).toEqual([
      {
        ticketId: String(ticket.ticketId),
        ticketNumber: String(ticket.ticketNumber),
        name: 'Printer on fire',
        status: 'New',
        isClosed: false,
        ticketType: 'Bug',
        linkedHere: true,
      },
    ]);
    expect(await names(issue, '99999999')).toEqual([]);
  });

  it('offers only tickets of the types the instance syncs, at most ten, and reads at most two pages', async () => {
    world = await createWorld({ instance: { ticketTypes: ['Bug'] } });
    const issue = world.createIssue();
    world.createTicket({ name: 'Report question', ticketType: 'Question' });
    for (let index = 1; index <= 120; index++) world.createTicket({ name: `Report ${index} is slow` });
    world.ts.clearRequests();

    const found = dataOf(await search(issue, 'report slow'), resultSchema).tickets;

    expect(found).toHaveLength(10);
    expect(found.map((ticket) => ticket.name)[0]).toBe('Report 120 is slow');
    expect(found.every((ticket) => ticket.ticketType === 'Bug')).toBe(true);
    expect(world.ts.requests()).toHaveLength(2);
  });

  it('sends nothing to TeamSupport for a single character', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    world.ts.clearRequests();

    expect(dataOf(await search(issue, ' a '), resultSchema)).toEqual({ tickets: [] });
    expect(world.ts.requests()).toEqual([]);
  });

  it('is refused to a caller who may not link tickets to the issue', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    world.jira.admin.revoke(users.bob.accountId, 'LINK_ISSUES');
    world.ts.clearRequests();

    expect(errorOf(await search(issue, 'export', users.bob.accountId)).code).toBe('FORBIDDEN');
    expect(world.ts.requests()).toEqual([]);
  });

  it('linkTicket asks for a number, or words to search with, instead of looking "abc" up', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    world.ts.clearRequests();

    const error = errorOf(
      await world.panel('linkTicket', { instanceId: world.instanceId, ticket: 'abc' }, { issue }),
    );

    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        issues: [{ path: 'ticket', message: 'Enter a ticket number, like 1234, or words from its subject.' }],
      },
    });
    expect(world.ts.requests()).toEqual([]);
  });
});
