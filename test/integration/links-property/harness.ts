// What the links-property tests read: JQL searches as a Jira user would type them, the property as Jira holds it, the
// Jira requests the app made to it, and a second TeamSupport instance.
import { z } from 'zod';
import { platformFetch } from '../../../sandbox/runtime/globals';
import { DEFAULT_ORG } from '../../../sandbox/teamsupport';
import { LINKS_PROPERTY_KEY } from '../../../src/domain/links-property';
import { users, type World } from '../world';

const searchSchema = z.object({ issues: z.array(z.object({ key: z.string() })) });

/** The keys of the issues `jql` finds, searched as alice (a Jira user), in the order Jira answers. */
export async function jqlKeys(world: World, jql: string): Promise<string[]> {
  const response = await platformFetch()(`${world.jira.baseUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: {
      'x-forge-principal': `user:${users.alice.accountId}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ jql, fields: ['key'], maxResults: 100 }),
  });
  if (response.status !== 200)
    throw new Error(`JQL ${jql} answered ${response.status}: ${await response.text()}`);
  return searchSchema.parse(await response.json()).issues.map((issue) => issue.key);
}

/** The issue's `support-ticket-sync-links` property; undefined when it has none. */
export async function linksProperty(world: World, issueId: string): Promise<unknown> {
  const response = await platformFetch()(
    `${world.jira.baseUrl}/rest/api/3/issue/${issueId}/properties/${LINKS_PROPERTY_KEY}`,
    { headers: { 'x-forge-principal': 'app', Accept: 'application/json' } },
  );
  if (response.status === 404) return undefined;
  return z.object({ value: z.unknown() }).parse(await response.json()).value;
}

export const PROPERTY_PATH = new RegExp(`/properties/${LINKS_PROPERTY_KEY}$`);

/** The app's requests to the property (PUT, DELETE, GET) since the request log was last reset. */
export function propertyRequests(
  world: World,
): Array<{ method: string; status: number; fault: string | null }> {
  return world.jira
    .requestLog()
    .filter((entry) => PROPERTY_PATH.test(entry.path) && entry.principal === 'app')
    .map(({ method, status, fault }) => ({ method, status, fault }));
}

/** How many JQL searches the app ran since the request log was last reset. */
export function searches(world: World): number {
  return world.jira
    .requestLog()
    .filter((entry) => entry.path === '/rest/api/3/search/jql' && entry.principal === 'app').length;
}

/** A second TeamSupport instance on the same organization, under another name; returns its id. */
export async function addInstance(world: World, name: string): Promise<string> {
  const saved = await world.run(() =>
    world.store.config.saveInstance({
      kind: 'teamsupport',
      name,
      baseUrl: world.ts.appUrl,
      organizationId: DEFAULT_ORG.organizationId,
      apiToken: DEFAULT_ORG.apiToken,
      timeZone: DEFAULT_ORG.timeZone,
      active: true,
    }),
  );
  if (!saved.ok) throw new Error(`second instance rejected: ${JSON.stringify(saved)}`);
  return saved.instance.id;
}

/** Links a ticket through the issue panel, as alice; fails the test when the panel refuses. */
export async function panelLink(
  world: World,
  issue: { id: string; key: string },
  ticketNumber: number,
  instanceId: string = world.instanceId,
): Promise<void> {
  const result = await world.panel('linkTicket', { instanceId, ticket: String(ticketNumber) }, { issue });
  expect(result).toMatchObject({ ok: true });
}

export async function panelUnlink(
  world: World,
  issue: { id: string; key: string },
  ticketId: number,
  instanceId: string = world.instanceId,
): Promise<void> {
  const result = await world.panel('unlinkTicket', { instanceId, ticketId: String(ticketId) }, { issue });
  expect(result).toMatchObject({ ok: true });
}

/** The daily repair, as the platform runs it: the scheduled trigger, then its queue jobs. */
export async function runDailyRepair(world: World): Promise<void> {
  await world.sandbox.runScheduledTrigger('links-repair-daily');
  await world.sandbox.drain();
}
