// Issue 6: Jira status changes, mapped field changes and deletions reach the linked tickets.
import { createWorld, users, type World } from '../world';

describe('outbound issue updates', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function linked() {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    return { issue, ticket };
  }

  const transition = (issueId: string, toStatus: string) =>
    world.jira.admin.transitionIssue(users.alice.accountId, issueId, { toStatus });

  it('sets the ticket status of the same name', async () => {
    world = await createWorld({ instance: { updateTicketStatus: true } });
    const { issue, ticket } = await linked();
    transition(issue.id, 'In Progress');
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId).status).toBe('In Progress');
    expect(world.appActions(ticket.ticketId)).toEqual([]);
  });

  it('sets the mapped ticket status, closing the ticket', async () => {
    world = await createWorld({
      instance: {
        updateTicketStatus: true,
        statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
      },
    });
    const { issue, ticket } = await linked();
    transition(issue.id, 'In Progress');
    transition(issue.id, 'Done');
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId)).toMatchObject({ status: 'Closed', isClosed: true });
  });

  it('leaves the status and says so on the ticket when no status matches', async () => {
    world = await createWorld({ instance: { updateTicketStatus: true } });
    const { issue, ticket } = await linked();
    transition(issue.id, 'In Progress');
    await world.sandbox.drain();
    transition(issue.id, 'Done');
    await world.sandbox.drain();
    // "In Progress" matched; "Done" has no Bug status of that name.
    expect(world.org.ticket(ticket.ticketId).status).toBe('In Progress');
    const notes = world.appActions(ticket.ticketId).map((a) => a.description);
    expect(notes).toEqual([
      expect.stringContaining(`moved to status Done, but no Bug ticket status matches it`),
    ]);
    const log = await world.syncLog();
    expect(
      log.some((e) => e.level === 'warn' && /No Bug status matches the Jira status "Done"/.test(e.message)),
    ).toBe(true);
  });

  it('adds a status note instead when status updates are off, once per change', async () => {
    world = await createWorld({ instance: { updateTicketStatus: false } });
    const { issue, ticket } = await linked();
    transition(issue.id, 'In Progress');
    await world.sandbox.drain();
    world.sandbox.redeliverCompleted();
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId).status).toBe('New');
    expect(world.appActions(ticket.ticketId).map((a) => a.description)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^<p>Jira issue ${issue.key} status changed from To Do to In Progress\\. <em>\\(Jira sync status:\\d+\\)</em></p>$`,
        ),
      ),
    ]);
  });

  it('pushes a mapped field change converted to the ticket field, and the issue type through a type mapping', async () => {
    world = await createWorld({
      instance: {
        fieldMappings: [{ jiraField: 'Severity', ticketField: 'CustomerImpact' }],
        typeMappings: [{ ticketType: 'Feature Request', issueType: 'Story' }],
      },
    });
    const { issue, ticket } = await linked();
    world.jira.admin.editIssue(users.alice.accountId, issue.id, { customfield_10010: { value: 'Major' } });
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId).customFields).toMatchObject({ CustomerImpact: 'Major' });
  });

  it('changes the ticket type through a type mapping when the issue type changes', async () => {
    world = await createWorld({
      instance: { typeMappings: [{ ticketType: 'Feature Request', issueType: 'Story' }] },
    });
    const issue = world.jira.admin.createIssue(users.alice.accountId, {
      project: 'SUP',
      issueType: 'Story',
      summary: 'Dark mode',
    });
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    // The emulator cannot move an issue to another type, so the event Jira sends after a move is emitted directly;
    // the consumer re-reads the issue (a Story) as it would in production.
    world.sandbox.emitProductEvent({
      eventType: 'avi:jira:updated:issue',
      atlassianId: users.alice.accountId,
      issue: { id: issue.id, key: issue.key, fields: {} },
      changelog: {
        id: '90001',
        items: [{ field: 'issuetype', fieldId: 'issuetype', fromString: 'Task', toString: 'Story' }],
      },
    });
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId).ticketType).toBe('Feature Request');
  });

  it('applies only the latest status when changes arrive together (events are late and unordered)', async () => {
    world = await createWorld({
      instance: {
        updateTicketStatus: true,
        statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
      },
    });
    const { issue, ticket } = await linked();
    transition(issue.id, 'In Progress');
    transition(issue.id, 'Done');
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId).status).toBe('Closed');
    expect(world.appActions(ticket.ticketId)).toEqual([]);
  });

  it('tells each ticket when the issue is deleted and removes the links', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const tickets = [world.createTicket(), world.createTicket()];
    for (const ticket of tickets) await world.link(issue, ticket);
    world.jira.admin.deleteIssue(users.alice.accountId, issue.id);
    await world.sandbox.drain();
    for (const ticket of tickets) {
      expect(world.appActions(ticket.ticketId).map((a) => a.description)).toEqual([
        `<p>Jira issue ${issue.key} was deleted; this ticket is no longer linked to Jira. <em>(Jira sync issue-deleted:${issue.id})</em></p>`,
      ]);
    }
    expect(await world.run(() => world.store.links.listByIssue(issue.id))).toEqual([]);
  });
});
