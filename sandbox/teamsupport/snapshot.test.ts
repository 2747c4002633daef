// Saving and restoring the TeamSupport emulator (exportState, startTeamSupportEmulator({ state })): same answers
// and ids after a restore, faults and rate-limit counters not carried over.
import { serialize } from 'node:v8';
import { toFilterDate } from './dates';
import {
  startTeamSupportEmulator,
  type TeamSupportEmulator,
  type TeamSupportEmulatorOptions,
} from './emulator';
import {
  ApiClient,
  FROZEN_NOW,
  arrayAt,
  listItems,
  objectAt,
  parseJson,
  startFrozen,
  stringAt,
} from './teamsupport.test-support';

const started: TeamSupportEmulator[] = [];

async function start(options: TeamSupportEmulatorOptions = {}): Promise<TeamSupportEmulator> {
  // Frozen like the rest of the suite: DaysOpened and the like then read the same from both emulators.
  const ts = await startFrozen(options);
  started.push(ts);
  return ts;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((ts) => ts.close()));
});

const HOUR_MS = 60 * 60 * 1000;

/** The seeded org changed through the admin surface and over HTTP. */
async function changedData(): Promise<{ ts: TeamSupportEmulator; createdId: string; deletedId: number }> {
  const ts = await start();
  const org = ts.org();
  const api = ApiClient.for(ts);
  org.updateSettings({ builtInJiraInstance: true });
  const byAdmin = org.createTicket({
    name: 'Set up by hand',
    ticketType: 'Bug',
    customFields: { CustomerImpact: 'Payroll blocked' },
    tags: ['vip'],
  });
  org.addAction(byAdmin.ticketId, { description: '<p>Called the customer</p>', actionType: 'Comment' });
  org.setStatus(byAdmin.ticketId, 'Needs Repro');

  const created = await api.post('/tickets', {
    Ticket: { Name: 'Created over HTTP', TicketTypeName: 'Bug', Description: '<p>From Jira SUP-1</p>' },
  });
  expect(created.status).toBe(200);
  const createdId = stringAt(objectAt(parseJson(created), 'Ticket'), 'TicketID');
  const inProgress = org.ticketStatus('Bug', 'In Progress').id;
  const writes = [
    await api.post(`/tickets/${createdId}/actions`, {
      Action: {
        ActionTypeID: String(org.actionType('Comment').id),
        Description: '<p>Comment added in Jira</p>',
        IsVisibleOnPortal: 'false',
      },
    }),
    await api.put(`/tickets/${createdId}`, {
      Ticket: { TicketStatusID: String(inProgress), JiraIssueKey: 'SUP-1', JiraKey: 'SUP-1' },
    }),
  ];
  expect(writes.map((response) => response.status)).toEqual([200, 200]);

  const deleted = org.ticket(3);
  expect((await api.delete(`/tickets/${deleted.ticketId}`)).status).toBe(200);
  return { ts, createdId, deletedId: deleted.ticketId };
}

describe('exportState and startTeamSupportEmulator({ state })', () => {
  it('answers the same over HTTP after a restore', async () => {
    const { ts, createdId, deletedId } = await changedData();
    const restored = await start({ state: ts.exportState() });
    const [before, after] = [ApiClient.for(ts), ApiClient.for(restored)];

    const since = toFilterDate(new Date(FROZEN_NOW.getTime() - HOUR_MS));
    const paths = [
      `/tickets/${createdId}`,
      `/tickets/${createdId}/actions`,
      '/tickets/5',
      '/tickets/5/actions',
      '/tickets/1',
      '/tickets/1/actions',
      '/tickets',
      `/tickets?DateModified[gt]=${since}`,
      '/tickets?TicketStatusID[eq]=' + String(ts.org().ticketStatus('Bug', 'In Progress').id),
      '/deletedtickets',
      '/users',
      '/properties/ticketstatuses',
      '/properties/actiontypes',
      '/products',
    ];
    for (const path of paths) {
      const [expected, actual] = await Promise.all([before.get(path), after.get(path)]);
      expect({ path, status: expected.status }).toEqual({ path, status: 200 });
      expect({ path, status: actual.status, text: actual.text }).toEqual({
        path,
        status: 200,
        text: expected.text,
      });
    }
    // The records themselves made it, not just empty answers.
    const ticket = objectAt(await after.getJson(`/tickets/${createdId}`), 'Ticket');
    expect(ticket).toMatchObject({ Status: 'In Progress', JiraIssueKey: 'SUP-1', JiraKey: 'SUP-1' });
    const actions = arrayAt(await after.getJson(`/tickets/${createdId}/actions`), 'Actions');
    expect(actions.map((action) => action['Description'])).toEqual([
      '&lt;p&gt;Comment added in Jira&lt;/p&gt;',
      '&lt;p&gt;From Jira SUP-1&lt;/p&gt;',
    ]);
    const changed = listItems(await after.getJson(`/tickets?DateModified[gt]=${since}`), 'Tickets');
    // 4 is closed by the seed at "now"; 5 and 6 are the changes above.
    expect(changed.map((item) => item['TicketNumber'])).toEqual(['4', '5', '6']);
    expect((await after.get(`/tickets/${deletedId}`)).status).toBe(500);
    expect(
      restored
        .org()
        .history(Number(createdId))
        .map((entry) => entry.description),
    ).toEqual(["Linked to JiraKey 'SUP-1'."]);
  });

  it('hands out ticket, number and action ids after the saved ones', async () => {
    const { ts, createdId } = await changedData();
    const restored = await start({ state: ts.exportState() });
    const api = ApiClient.for(restored);
    const savedTicketIds = ts
      .org()
      .tickets()
      .map((ticket) => ticket.ticketId);
    const savedActionIds = ts
      .org()
      .tickets()
      .flatMap((ticket) =>
        ts
          .org()
          .actions(ticket.ticketId)
          .map((action) => action.actionId),
      );

    const created = objectAt(
      parseJson(
        await api.post('/tickets', { Ticket: { Name: 'After restart', TicketTypeName: 'Question' } }),
      ),
      'Ticket',
    );
    expect(Number(stringAt(created, 'TicketID'))).toBeGreaterThan(
      Math.max(...savedTicketIds, Number(createdId)),
    );
    expect(created['TicketNumber']).toBe('7');
    const action = objectAt(
      parseJson(await api.post(`/tickets/${createdId}/actions`, { Action: { Description: '<p>again</p>' } })),
      'Action',
    );
    expect(Number(stringAt(action, 'ActionID'))).toBeGreaterThan(Math.max(...savedActionIds));
    expect(restored.org().actions(Number(createdId))).toHaveLength(3);
  });

  it('exports the same bytes while nothing changes, and other bytes after a change', async () => {
    const ts = await start();
    const first = ts.exportState();
    expect(ts.exportState().equals(first)).toBe(true);
    ts.org().createTicket({ name: 'change' });
    expect(ts.exportState().equals(first)).toBe(false);
  });

  it('restores no org when none was saved, instead of seeding', async () => {
    const empty = await start({ seed: 'empty' });
    const restored = await start({ state: empty.exportState() });
    expect(restored.orgs()).toEqual([]);
  });

  it('does not carry faults or rate-limit counters over', async () => {
    const { ts } = await changedData();
    ts.failNext(1, { status: 503, body: '' });
    const restored = await start({ state: ts.exportState() });
    expect(ts.org().counters().total).toBeGreaterThan(0);
    expect(restored.org().counters().total).toBe(0);
    expect((await ApiClient.for(restored).get('/tickets/1')).status).toBe(200);
  });

  it.each([
    ['bytes that are not a v8 serialization', Buffer.from('{"format":"teamsupport-emulator-state"}')],
    ['an empty file', Buffer.alloc(0)],
    ['another format', serialize({ format: 'jira-emulator-state', version: 1 })],
    ['another version', serialize({ format: 'teamsupport-emulator-state', version: 2 })],
    [
      'a damaged record',
      serialize({ format: 'teamsupport-emulator-state', version: 1, orgs: new Map([[1, { id: 'x' }]]) }),
    ],
  ])('refuses %s with an error that says to start with --reset', async (_name, state) => {
    await expect(startTeamSupportEmulator({ state })).rejects.toThrow(
      /TeamSupport emulator state is unreadable \(.+\)\. Start with --reset/s,
    );
  });
});
