// The settings' pickers: Jira's statuses, issue types, fields and projects, and the ticket system's lists for an
// instance (custom fields sampled from recent tickets, as TeamSupport cannot list them).
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { secretKey } from '../../../src/store';
import { createWorld, dataOf, errorOf, type World } from '../world';

const optionsSchema = z.strictObject({
  jira: z.strictObject({
    statuses: z.array(z.string()),
    issueTypes: z.array(z.string()),
    fields: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    projects: z.array(z.strictObject({ key: z.string(), name: z.string() })),
  }),
  ticket: z
    .strictObject({
      statuses: z.array(z.string()),
      ticketTypes: z.array(z.string()),
      actionTypes: z.array(z.string()),
      products: z.array(z.string()),
      versions: z.array(z.strictObject({ product: z.string(), version: z.string() })),
      customFields: z.array(z.string()),
    })
    .optional(),
  ticketError: z.string().optional(),
});

describe('admin page: getMappingOptions', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  it("offers Jira's lists without an instance", async () => {
    const options = dataOf(await world.admin('getMappingOptions', {}), optionsSchema);
    expect(options.ticket).toBeUndefined();
    expect(options.jira.statuses).toEqual(expect.arrayContaining(['To Do', 'In Progress', 'Done']));
    expect(options.jira.issueTypes).toEqual(expect.arrayContaining(['Task', 'Story', 'Bug']));
    expect(options.jira.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'SUP' }),
        expect.objectContaining({ key: 'DEV' }),
      ]),
    );
    expect(options.jira.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'summary' }),
        expect.objectContaining({ name: 'Story Points' }),
      ]),
    );
    // Every status once, although several projects use it.
    expect(new Set(options.jira.statuses).size).toBe(options.jira.statuses.length);
  });

  it("adds the ticket system's lists for an instance", async () => {
    world.createTicket({ ticketType: 'Bug' });
    const options = dataOf(await world.admin('getMappingOptions', { id: world.instanceId }), optionsSchema);
    expect(options.ticketError).toBeUndefined();
    expect(options.ticket).toMatchObject({
      ticketTypes: ['Bug', 'Question', 'Feature Request'],
      actionTypes: expect.arrayContaining(['Comment', 'Internal Note']),
      products: expect.arrayContaining(['Widget', 'Gadget']),
      versions: expect.arrayContaining([
        { product: 'Widget', version: '2.0' },
        { product: 'Gadget', version: '5.1' },
      ]),
      customFields: expect.arrayContaining(['JiraIssueKey']),
    });
    expect(options.ticket?.statuses).toEqual(expect.arrayContaining(['New', 'Closed', 'Under Review']));
    expect(options.ticket?.statuses.filter((s) => s === 'Closed')).toHaveLength(1);
  });

  it("says why the ticket system's lists are missing", async () => {
    await world.run(() => kvs.deleteSecret(secretKey(world.instanceId)));
    const options = dataOf(await world.admin('getMappingOptions', { id: world.instanceId }), optionsSchema);
    expect(options.ticket).toBeUndefined();
    expect(options.ticketError).toContain('no API token');
    expect(options.jira.issueTypes.length).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for an unknown instance', async () => {
    expect(errorOf(await world.admin('getMappingOptions', { id: 'nope' })).code).toBe('NOT_FOUND');
  });
});
