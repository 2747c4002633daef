// A world for milestone tests (issue 17): the sandbox with the app's real handlers, the Jira, TeamSupport and Brevo
// emulators, a TeamSupport instance, a Brevo account that sends milestones, a customer (Carol) whose e-mail Jira
// shows, and helpers to link tickets, read the release notes on them and the milestone events on Brevo timelines.
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import type { SyncEvent } from '../../../src/sync/records/sync-event';
import { createWorld, users, type World, type WorldOptions } from '../world';

export const carol = {
  accountId: '712020:carol',
  displayName: 'Carol Customer',
  emailAddress: 'carol@example.com',
};

export interface MilestoneWorld extends World {
  accountId: string;
  /** the product events Jira emitted since the world started, for redelivering them */
  jiraEvents: Array<{ eventType: string }>;
  /** creates an issue reported by `reporter` (Alice by default), optionally assigned and with fix versions */
  issue(
    summary: string,
    options?: { reporter?: string; assignee?: string; fixVersions?: string[]; project?: string },
  ): { id: string; key: string };
  /** a new ticket linked to `issue` */
  linkedTicket(issue: { id: string; key: string }): Promise<{ ticketId: number; ticketNumber: number }>;
  /** the app's actions on a ticket that announce a release */
  releaseNotes(ticketId: number): Array<{ description: string; isVisibleOnPortal: boolean }>;
  /** the events named `name` on a contact's Brevo timeline */
  brevoEvents(
    email: string,
    name: string,
  ): Array<{ name: string; properties: Record<string, unknown> | undefined }>;
  /** drains, redelivers every completed queue event and every product event, and drains again */
  redeliverEverything(): Promise<void>;
  /** the sync-log entries of an instance or account */
  logOf(instanceId: string): Promise<SyncEvent[]>;
}

export async function createMilestoneWorld(
  options: WorldOptions & { brevoAccount?: Record<string, unknown> | false } = {},
): Promise<MilestoneWorld> {
  const world = await createWorld({ brevo: { appAttributes: true }, ...options });
  const jiraEvents: Array<{ eventType: string }> = [];
  world.jira.onEvent((event) => {
    jiraEvents.push(event);
  });
  world.jira.admin.addUser({ ...carol, emailVisible: true });
  let accountId = '';
  if (options.brevoAccount !== false) {
    const supList = world.brevo.account().list('Jira SUP customers');
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        contactRoles: ['reporter', 'assignee'],
        events: {
          issueCreated: false,
          issueUpdated: false,
          issueResolved: false,
          statusChanged: false,
          commentAdded: false,
          versionReleased: true,
          sprintClosed: true,
        },
        projectLists: [{ projectKey: 'SUP', listId: supList.id }],
        ...options.brevoAccount,
      }),
    );
    if (!saved.ok) throw new Error(`Brevo account rejected: ${JSON.stringify(saved)}`);
    accountId = saved.instance.id;
  }

  const milestoneWorld: MilestoneWorld = {
    ...world,
    accountId,
    jiraEvents,
    issue: (summary, issueOptions = {}) =>
      world.jira.admin.createIssue(issueOptions.reporter ?? users.alice.accountId, {
        project: issueOptions.project ?? 'SUP',
        issueType: 'Task',
        summary,
        fields: {
          ...(issueOptions.assignee === undefined ? {} : { assignee: { accountId: issueOptions.assignee } }),
          ...(issueOptions.fixVersions === undefined
            ? {}
            : { fixVersions: issueOptions.fixVersions.map((id) => ({ id })) }),
        },
      }),
    linkedTicket: async (issue) => {
      const ticket = world.createTicket({ name: `Customer waits for ${issue.key}` });
      await world.link(issue, ticket);
      return ticket;
    },
    releaseNotes: (ticketId) =>
      world
        .appActions(ticketId)
        .filter((action) => action.description.includes('Fixed in '))
        .map(({ description, isVisibleOnPortal }) => ({ description, isVisibleOnPortal })),
    brevoEvents: (email, name) =>
      world.brevo
        .account()
        .timeline(email)
        .filter((event) => event.name === name)
        .map((event) => ({ name: event.name, properties: event.properties })),
    redeliverEverything: async () => {
      await world.sandbox.drain();
      world.sandbox.redeliverCompleted();
      for (const event of [...jiraEvents]) world.sandbox.emitProductEvent(event);
      await world.sandbox.drain();
    },
    logOf: async (id) =>
      (await world.run(() => world.store.syncLog.list({ instanceId: id, limit: 100 }))).entries,
  };
  return milestoneWorld;
}
