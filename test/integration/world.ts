// A whole sync world for integration tests: the sandbox runtime hosting the app's real handlers, the Jira,
// TeamSupport and Brevo emulators, one configured TeamSupport instance, and helpers to link and inspect both sides.
import { startBrevoEmulator, type BrevoEmulator, type BrevoEmulatorOptions } from '../../sandbox/brevo';
import { DEFAULT_FIXTURE, startJiraEmulator, type JiraEmulator } from '../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../sandbox/runtime/sandbox';
import {
  DEFAULT_ORG,
  startTeamSupportEmulator,
  type OrgAdmin,
  type TeamSupportEmulator,
  type TeamSupportEmulatorOptions,
} from '../../sandbox/teamsupport';
import { z } from 'zod';
import { createStore, type Store } from '../../src/store';
import type { Link } from '../../src/sync/records/link';
import type { SyncEvent } from '../../src/sync/records/sync-event';
import { platformFetch } from '../../sandbox/runtime/globals';
import { appEntityProperties } from '../../sandbox/runtime/entity-properties';

export const users = DEFAULT_FIXTURE.users;

const remoteLinksSchema = z.array(
  z.looseObject({
    globalId: z.string().optional(),
    object: z.looseObject({ title: z.string().optional(), url: z.string().optional() }).optional(),
  }),
);
export type RemoteLink = z.infer<typeof remoteLinksSchema>[number];

export interface World {
  jira: JiraEmulator;
  ts: TeamSupportEmulator;
  /** the Brevo emulator, reached by the app as https://api.brevo.com */
  brevo: BrevoEmulator;
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
  /** the remote links of an issue, as Jira returns them */
  remoteLinks(issueId: string): Promise<RemoteLink[]>;
  /** calls an issue-panel resolver the way the panel on `issue` does, as `accountId` (alice by default) */
  panel(
    functionKey: string,
    payload: Record<string, unknown>,
    options: { issue: { id: string; key: string }; accountId?: string },
  ): Promise<unknown>;
  /** calls an admin-page resolver as `accountId` (alice, a Jira admin, by default) */
  admin(functionKey: string, payload?: Record<string, unknown>, accountId?: string): Promise<unknown>;
  close(): Promise<void>;
}

export const PANEL_MODULE = 'linked-tickets-panel';
export const ADMIN_MODULE = 'sync-admin';

const failureSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The `data` of a successful resolver envelope, checked against `schema`; fails the test otherwise. */
export function dataOf<T>(result: unknown, schema: z.ZodType<T>): T {
  const envelope = z.object({ ok: z.literal(true), data: z.unknown() }).safeParse(result);
  if (!envelope.success) throw new Error(`expected a successful envelope, got ${JSON.stringify(result)}`);
  return schema.parse(envelope.data.data);
}

/** The `error` of a failed resolver envelope; fails the test otherwise. */
export function errorOf(result: unknown): z.infer<typeof failureSchema>['error'] {
  const envelope = failureSchema.safeParse(result);
  if (!envelope.success) throw new Error(`expected a failed envelope, got ${JSON.stringify(result)}`);
  return envelope.data.error;
}

export interface WorldOptions {
  instance?: Record<string, unknown>;
  /** e.g. `sleep`, to control the emulator's injected latency */
  teamSupport?: TeamSupportEmulatorOptions;
  /** e.g. `appAttributes: true`, or `sleep` to control the Brevo emulator's injected latency */
  brevo?: BrevoEmulatorOptions;
  /** e.g. `maxQueueAttempts`, to let the app's own retry bound be reached (the platform retries for 24 h) */
  sandbox?: { maxQueueAttempts?: number };
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  // Jira indexes the issue properties the app's manifest declares (jira:entityProperty), and only those.
  const jira = await startJiraEmulator({ seed: 'default', entityProperties: appEntityProperties() });
  const ts = await startTeamSupportEmulator({ seed: 'default', ...options.teamSupport });
  const brevo = await startBrevoEmulator({ seed: 'default', ...options.brevo });
  // The instance calls https://sandbox.teamsupport.com, which the sandbox routes to the emulator.
  const sandbox = createSandbox({
    jiraBaseUrl: jira.baseUrl,
    egressRoutes: { [ts.appUrl]: ts.baseUrl, [brevo.appUrl]: brevo.baseUrl },
    ...options.sandbox,
  });
  jira.onEvent((event) => sandbox.emitProductEvent(event));
  const store = createStore();
  const run = <T>(body: () => Promise<T>): Promise<T> => sandbox.asInvocation(body);
  const saved = await run(() =>
    store.config.saveInstance({
      kind: 'teamsupport',
      name: 'Acme Support',
      baseUrl: ts.appUrl,
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
    brevo,
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
    remoteLinks: async (issueId) => {
      const response = await platformFetch()(`${jira.baseUrl}/rest/api/3/issue/${issueId}/remotelink`, {
        headers: { 'x-forge-principal': 'app' },
      });
      return remoteLinksSchema.parse(await response.json());
    },
    syncLog: async () => (await run(() => store.syncLog.list({ instanceId, limit: 100 }))).entries,
    panel: (functionKey, payload, { issue, accountId = users.alice.accountId }) =>
      sandbox.invokeResolver({
        moduleKey: PANEL_MODULE,
        functionKey,
        payload,
        accountId,
        extension: { issue: { id: issue.id, key: issue.key, type: 'Task' } },
      }),
    admin: (functionKey, payload = {}, accountId = users.alice.accountId) =>
      sandbox.invokeResolver({ moduleKey: ADMIN_MODULE, functionKey, payload, accountId }),
    close: async () => {
      await sandbox.close();
      await jira.close();
      await ts.close();
      await brevo.close();
    },
  };
}
