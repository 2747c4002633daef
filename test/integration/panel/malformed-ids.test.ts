// The issue panel's calls that name an instance or a ticket refuse a malformed id as INVALID_INPUT, pointing at the
// id, before anything is read or written (src/domain/ids.ts); a well-formed id nobody has is still NOT_FOUND.
import { z } from 'zod';
import { createWorld, errorOf, type World } from '../world';

const issuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

/** Separators, unicode, blanks, spaces, slashes, too long, not text. */
const MALFORMED_INSTANCE_IDS: unknown[] = [
  'a:b',
  'é',
  'inst-é',
  '',
  ' ',
  'a b',
  ' 3f1c ',
  'a/b',
  '../config',
  'x'.repeat(65),
  42,
  null,
];

/** TeamSupport ticket ids are numeric. */
const MALFORMED_TICKET_IDS: unknown[] = [
  'a:b',
  '1:2',
  '١٢٣',
  'é',
  '',
  ' ',
  '12 34',
  ' 1234 ',
  '12/34',
  '-5',
  '1'.repeat(20),
  1234,
  null,
];

describe('issue panel: malformed ids', () => {
  let world: World;
  let issue: { id: string; key: string };
  let ticket: { ticketId: number; ticketNumber: number };

  beforeAll(async () => {
    world = await createWorld();
    issue = world.createIssue();
    ticket = world.createTicket();
    await world.link(issue, ticket);
  });

  afterAll(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const storedLinks = () => world.run(() => world.store.links.listByIssue(issue.id));

  type Row = [key: string, path: string, id: unknown, payload: () => Record<string, unknown>];
  // Payloads are built when each test runs: the world's instance and ticket exist only after beforeAll.
  const rows: Row[] = [
    ...MALFORMED_INSTANCE_IDS.map((id): Row => [
      'linkTicket',
      'instanceId',
      id,
      () => ({ instanceId: id, ticket: '1' }),
    ]),
    ...MALFORMED_INSTANCE_IDS.map((id): Row => [
      'unlinkTicket',
      'instanceId',
      id,
      () => ({ instanceId: id, ticketId: String(ticket.ticketId) }),
    ]),
    ...MALFORMED_TICKET_IDS.map((id): Row => [
      'unlinkTicket',
      'ticketId',
      id,
      () => ({ instanceId: world.instanceId, ticketId: id }),
    ]),
  ];

  it.each(rows)('%s refuses %s %j as INVALID_INPUT and changes nothing', async (key, path, _id, payload) => {
    const before = await storedLinks();
    const remoteBefore = await world.remoteLinks(issue.id);
    world.ts.clearRequests();

    const error = errorOf(await world.panel(key, payload(), { issue }));

    expect(error.code).toBe('INVALID_INPUT');
    expect(issuesSchema.parse(error.details).issues).toEqual([expect.objectContaining({ path })]);
    expect(await storedLinks()).toEqual(before);
    expect(await world.remoteLinks(issue.id)).toEqual(remoteBefore);
    expect(world.ts.requests()).toEqual([]);
  });

  it.each<[string, Record<string, unknown> | (() => Record<string, unknown>)]>([
    ['linkTicket', { instanceId: '0b7e6f1c-2d3a-4e5f-8a9b-0c1d2e3f4a5b', ticket: '1' }],
    ['unlinkTicket', { instanceId: '0b7e6f1c-2d3a-4e5f-8a9b-0c1d2e3f4a5b', ticketId: '1' }],
    ['unlinkTicket', () => ({ instanceId: world.instanceId, ticketId: '999999999' })],
  ])('%s still answers NOT_FOUND for well-formed ids nobody has', async (key, payload) => {
    const result = await world.panel(key, typeof payload === 'function' ? payload() : payload, { issue });
    expect(errorOf(result).code).toBe('NOT_FOUND');
    expect(await storedLinks()).toHaveLength(1);
  });
});
