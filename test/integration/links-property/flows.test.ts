// Issue 19, "JQL-searchable links": after each way a link is made or removed (the panel's link and unlink, escalation
// and the correlation field, deleting an instance), a Jira user's JQL (`supportTickets`, `supportTicketNumber`,
// `supportTicketInstance`) finds exactly the issues with those tickets; a lost answer on the property write changes
// nothing, and a failed one never fails the link.
import { z } from 'zod';
import { createWorld, dataOf, type World } from '../world';
import {
  addInstance,
  jqlKeys,
  linksProperty,
  panelLink,
  panelUnlink,
  PROPERTY_PATH,
  propertyRequests,
} from './harness';

describe('JQL-searchable links: kept right by every flow that links or unlinks', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  it('follows links and unlinks made in the issue panel', async () => {
    world = await createWorld();
    const busy = world.createIssue('Export fails');
    const quiet = world.createIssue('Import is slow');
    const unlinked = world.createIssue('Nobody asked');
    const [t1, t2, t3] = [world.createTicket(), world.createTicket(), world.createTicket()];

    await panelLink(world, busy, t1.ticketNumber);
    expect(await linksProperty(world, busy.id)).toEqual({
      count: 1,
      numbers: [String(t1.ticketNumber)],
      instances: ['Acme Support'],
    });
    expect(await jqlKeys(world, 'supportTickets > 0')).toEqual([busy.key]);

    await panelLink(world, busy, t2.ticketNumber);
    await panelLink(world, quiet, t3.ticketNumber);
    expect(await linksProperty(world, busy.id)).toEqual({
      count: 2,
      numbers: [String(t1.ticketNumber), String(t2.ticketNumber)],
      instances: ['Acme Support'],
    });
    expect(await jqlKeys(world, 'supportTickets > 0 ORDER BY supportTickets DESC')).toEqual([
      busy.key,
      quiet.key,
    ]);
    expect(await jqlKeys(world, `supportTicketNumber = ${t2.ticketNumber}`)).toEqual([busy.key]);
    expect(await jqlKeys(world, 'supportTicketInstance = "Acme Support" ORDER BY key ASC')).toEqual([
      busy.key,
      quiet.key,
    ]);
    expect(await jqlKeys(world, 'project = SUP AND supportTickets IS EMPTY')).toEqual([unlinked.key]);

    await panelUnlink(world, busy, t1.ticketId);
    expect(await linksProperty(world, busy.id)).toEqual({
      count: 1,
      numbers: [String(t2.ticketNumber)],
      instances: ['Acme Support'],
    });
    expect(await jqlKeys(world, `supportTicketNumber = ${t1.ticketNumber}`)).toEqual([]);

    await panelUnlink(world, busy, t2.ticketId);
    expect(await linksProperty(world, busy.id)).toBeUndefined();
    expect(await jqlKeys(world, 'supportTickets > 0')).toEqual([quiet.key]);
  });

  it('follows an escalated ticket and a ticket linked through the correlation field', async () => {
    const FIELD = 'JiraIssueKey';
    world = await createWorld({ instance: { correlationField: FIELD, defaultProjectKey: 'SUP' } });
    const existing = world.createIssue('Known problem');
    const ask = (value: string) =>
      world.org.createTicket({
        name: 'Export fails for large files',
        ticketType: 'Question',
        description: '<p>Steps: export 2 GB.</p>',
        creator: 'Jane Doe',
        customFields: { [FIELD]: value },
      });
    const escalated = ask('NEW');
    const linked = ask(existing.key);
    for (let cycle = 0; cycle < 2; cycle++) {
      await world.sandbox.runScheduledTrigger('pull-tickets');
      await world.sandbox.drain();
    }

    const createdKey = z.string().parse(world.org.ticket(escalated.ticketId).customFields[FIELD]);
    const created = z.object({ id: z.string() }).parse(world.jira.admin.issue(createdKey));
    expect(await linksProperty(world, created.id)).toEqual({
      count: 1,
      numbers: [String(escalated.ticketNumber)],
      instances: ['Acme Support'],
    });
    expect(await linksProperty(world, existing.id)).toEqual({
      count: 1,
      numbers: [String(linked.ticketNumber)],
      instances: ['Acme Support'],
    });
    expect(
      await jqlKeys(
        world,
        `supportTicketNumber IN (${escalated.ticketNumber}, ${linked.ticketNumber}) ORDER BY key ASC`,
      ),
    ).toEqual([existing.key, createdKey].sort());
  });

  it('drops a deleted instance from its issues: their other tickets stay, an issue left with none is no longer found', async () => {
    world = await createWorld();
    const globex = await addInstance(world, 'Globex Support');
    const shared = world.createIssue('Both customers');
    const only = world.createIssue('Globex only');
    const [acmeTicket, globexTicket, globexOnly] = [
      world.createTicket(),
      world.createTicket(),
      world.createTicket(),
    ];
    await panelLink(world, shared, acmeTicket.ticketNumber);
    await panelLink(world, shared, globexTicket.ticketNumber, globex);
    await panelLink(world, only, globexOnly.ticketNumber, globex);
    expect(await linksProperty(world, shared.id)).toEqual({
      count: 2,
      numbers: [acmeTicket.ticketNumber, globexTicket.ticketNumber].map(String),
      instances: ['Acme Support', 'Globex Support'],
    });
    expect(await jqlKeys(world, 'supportTicketInstance = "Globex Support" ORDER BY key ASC')).toEqual([
      shared.key,
      only.key,
    ]);

    dataOf(await world.admin('deleteInstance', { id: globex }), z.object({}));
    await world.sandbox.drain();

    expect(await linksProperty(world, shared.id)).toEqual({
      count: 1,
      numbers: [String(acmeTicket.ticketNumber)],
      instances: ['Acme Support'],
    });
    expect(await linksProperty(world, only.id)).toBeUndefined();
    expect(await jqlKeys(world, 'supportTicketInstance = "Globex Support"')).toEqual([]);
    expect(await jqlKeys(world, 'supportTickets > 0')).toEqual([shared.key]);
  });

  it.each([[504], ['reset']] as const)(
    'writes the same value again when the answer to the property write is lost (%s)',
    async (as) => {
      world = await createWorld();
      const issue = world.createIssue();
      const ticket = world.createTicket();
      world.jira.resetRequestLog();
      world.jira.faults.loseAnswerNext(1, { as, match: { method: 'PUT', path: PROPERTY_PATH } });

      await panelLink(world, issue, ticket.ticketNumber);

      expect(propertyRequests(world)).toEqual([
        { method: 'PUT', status: as === 'reset' ? 0 : 504, fault: 'answer-lost' },
        { method: 'PUT', status: 200, fault: null },
      ]);
      expect(await linksProperty(world, issue.id)).toEqual({
        count: 1,
        numbers: [String(ticket.ticketNumber)],
        instances: ['Acme Support'],
      });
      expect((await world.syncLog()).filter((entry) => entry.operation === 'links-property')).toEqual([]);
    },
  );

  it('keeps the link when the property cannot be written, says so in the sync log, and the daily repair writes it', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    world.jira.faults.rateLimitMatching(
      { method: 'PUT', path: PROPERTY_PATH },
      { retryAfterSeconds: 3600, reason: 'jira-quota-global-based' },
    );

    await panelLink(world, issue, ticket.ticketNumber);

    expect(await world.run(() => world.store.links.listByIssue(issue.id))).toHaveLength(1);
    expect(await linksProperty(world, issue.id)).toBeUndefined();
    const warnings = (await world.syncLog()).filter((entry) => entry.operation === 'links-property');
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 'warn',
        issueKey: issue.key,
        message: expect.stringContaining('The daily repair updates them.'),
      }),
    ]);

    world.jira.faults.clear();
    await world.sandbox.runScheduledTrigger('links-repair-daily');
    await world.sandbox.drain();
    expect(await jqlKeys(world, `supportTicketNumber = ${ticket.ticketNumber}`)).toEqual([issue.key]);
  });
});
