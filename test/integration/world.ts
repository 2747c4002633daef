// A whole sync world for integration tests: the sandbox runtime hosting the app's real handlers, the Jira and
// TeamSupport emulators, one configured TeamSupport instance, and helpers to link and inspect both sides.
import { DEFAULT_FIXTURE, startJiraEmulator, type JiraEmulator } from '../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../sandbox/runtime/sandbox';
import {
  DEFAULT_ORG,
  startTeamSupportEmulator,
  type OrgAdmin,
  type TeamSupportEmulator,
} from '../../sandbox/teamsupport';
import { createStore, type Store } from '../../src/store';
import type { Link, SyncEvent } from '../../src/sync/ports';

export const users = DEFAULT_FIXTURE.users;

export interface World {
  jira: JiraEmulator;
  ts: TeamSupportEmulator;
  org: OrgAdmin;
  sandbox: Sandbox;
  store: Store;
  instanceId: string;
  /** runs `body` as one Forge invocation */
  run<T>(body: () => Promise<T>): Promise<T>;
  /** creates a Jira issue as alice */
  createIssue(summary?: string, project?: string): { id: string; key: string };
  /** a TeamSupport ticket of the seeded org */
  createTicket(input?: { name?: string; ticketType?: string; product?: string }): {
    ticketId: number;
    ticketNumber: number;
  };
  link(issue: { id: string; key: string }, ticket: { ticketId: number; ticketNumber: number }): Promise<Link>;
  /** the actions of a ticket that the app wrote (not the description) */
  appActions(
    ticketId: number,
  ): Array<{ actionId: number; description: string; actionType: string | null; isVisibleOnPortal: boolean }>;
  syncLog(): Promise<SyncEvent[]>;
  close(): Promise<void>;
}

export interface WorldOptions {
  instance?: Record<string, unknown>;
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const jira = await startJiraEmulator({ seed: 'default' });
  const ts = await startTeamSupportEmulator({ seed: 'default' });
  const sandbox = createSandbox({ jiraBaseUrl: jira.baseUrl });
  jira.onEvent((event) => sandbox.emitProductEvent(event));
  const store = createStore();
  const run = <T>(body: () => Promise<T>): Promise<T> => sandbox.asInvocation(body);
  const saved = await run(() =>
    store.config.saveInstance({
      kind: 'teamsupport',
      name: 'Acme Support',
      baseUrl: ts.baseUrl,
      organizationId: DEFAULT_ORG.organizationId,
      apiToken: DEFAULT_ORG.apiToken,
      timeZone: DEFAULT_ORG.timeZone,
      active: true,
      ...options.instance,
    }),
  );
  if (!saved.ok) throw new Error(`test instance rejected: ${JSON.stringify(saved)}`);
  const instanceId = saved.instance.id;
  const org = ts.org();
  const apiUser = -3;

  return {
    jira,
    ts,
    org,
    sandbox,
    store,
    instanceId,
    run,
    createIssue: (summary = 'Export fails for large files', project = 'SUP') =>
      jira.admin.createIssue(users.alice.accountId, { project, issueType: 'Task', summary }),
    createTicket: (input = {}) => {
      const ticket = org.createTicket({
        name: input.name ?? 'Customer cannot export',
        ticketType: input.ticketType ?? 'Bug',
        description: '<p>It fails.</p>',
        creator: 'Jane Doe',
        customers: ['Globex Corporation'],
        ...(input.product ? { product: input.product } : {}),
      });
      return { ticketId: ticket.ticketId, ticketNumber: ticket.ticketNumber };
    },
    link: async (issue, ticket) => {
      const created = await run(() =>
        store.links.create({
          instanceId,
          issueId: issue.id,
          issueKey: issue.key,
          ticketId: String(ticket.ticketId),
          ticketNumber: String(ticket.ticketNumber),
        }),
      );
      return created.link;
    },
    appActions: (ticketId) =>
      org
        .actions(ticketId)
        .filter((a) => a.systemActionTypeId !== 1 && a.creatorId === apiUser)
        .map((a) => ({
          actionId: a.actionId,
          description: a.description,
          actionType: a.actionType,
          isVisibleOnPortal: a.isVisibleOnPortal,
        })),
    syncLog: async () => (await run(() => store.syncLog.list({ instanceId, limit: 100 }))).entries,
    close: async () => {
      await sandbox.close();
      await jira.close();
      await ts.close();
    },
  };
}
