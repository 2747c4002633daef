// Every admin call that names something by id refuses a malformed id as INVALID_INPUT, pointing at the id, before
// anything is read or written (src/domain/ids.ts); an id that is well formed but unknown is still NOT_FOUND.
import { z } from 'zod';
import { createWorld, errorOf, type World } from '../world';
import { currentSettings } from './admin-harness';

const issuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

/** Ids that no instance, ticket or log entry can have: separators, unicode, blanks, spaces, slashes, too long. */
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

const MALFORMED_SYNC_EVENT_IDS: unknown[] = [
  'a:b',
  'é',
  '',
  'a b',
  'a/b',
  '000000000000001-abcdef012',
  '000000000000001-abcdef0123-x',
  '000000000000001-ABCDEF0123',
  'x'.repeat(129),
  7,
];

type Call = [key: string, payload: (id: unknown) => Record<string, unknown>, path: string];

describe('admin page: malformed ids', () => {
  let world: World;
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    world = await createWorld();
    settings = await currentSettings(world);
  });

  afterAll(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const instanceCalls: Call[] = [
    ['deleteInstance', (id) => ({ id }), 'id'],
    ['testConnection', (id) => ({ id }), 'id'],
    ['countLinks', (id) => ({ id }), 'id'],
    ['getMappingOptions', (id) => ({ id }), 'id'],
    ['getSyncLog', (instanceId) => ({ instanceId }), 'instanceId'],
    ['saveInstance', (id) => ({ instance: { ...settings, id } }), 'id'],
  ];
  const rows: Array<[string, unknown, Call]> = [
    ...instanceCalls.flatMap((call) =>
      MALFORMED_INSTANCE_IDS.map((id): [string, unknown, Call] => [call[0], id, call]),
    ),
    ...MALFORMED_SYNC_EVENT_IDS.map((id): [string, unknown, Call] => [
      'retrySyncEvent',
      id,
      ['retrySyncEvent', (value) => ({ id: value }), 'id'],
    ]),
  ];

  it.each(rows)('%s refuses %j as INVALID_INPUT and changes nothing', async (key, id, [, payload, path]) => {
    world.ts.clearRequests();

    const error = errorOf(await world.admin(key, payload(id)));

    expect(error.code).toBe('INVALID_INPUT');
    expect(issuesSchema.parse(error.details).issues).toEqual([expect.objectContaining({ path })]);
    expect(await currentSettings(world)).toEqual(settings);
    expect(world.ts.requests()).toEqual([]);
    expect(world.sandbox.queue.pendingCount()).toBe(0);
  });

  it.each<[string, Record<string, unknown>]>([
    ['deleteInstance', { id: 'nope' }],
    ['testConnection', { id: 'nope' }],
    ['countLinks', { id: 'nope' }],
    ['getMappingOptions', { id: '0b7e6f1c-2d3a-4e5f-8a9b-0c1d2e3f4a5b' }],
    ['retrySyncEvent', { id: '000000000000001-abcdef0123' }],
  ])('%s still answers NOT_FOUND for a well-formed id nobody has (%j)', async (key, payload) => {
    expect(errorOf(await world.admin(key, payload)).code).toBe('NOT_FOUND');
  });

  it('still accepts the ids the app hands out', async () => {
    expect(await world.admin('countLinks', { id: world.instanceId })).toEqual({
      ok: true,
      data: { links: 0 },
    });
    expect(await world.admin('getSyncLog', { instanceId: world.instanceId })).toMatchObject({ ok: true });
  });
});
