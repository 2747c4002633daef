// Team capacity, once a day per Brevo account whose "Team capacity" switch is on (docs/product.md, "Brevo events" →
// "Team capacity"): for each project the account covers, the issues open now, created and resolved in the last seven
// days and the open issues of each person assignable in it, as one `jira_team_capacity` event; then, for each of
// those people, their open and recently resolved issues across the account's scope as contact attributes
// (domain/capacity.ts).
//
// Cost: JQL count queries only (POST /rest/api/3/search/approximate-count), never a read of the issues themselves, so
// it does not grow with the number of issues. Per project: 3 counts, 1 count per assignable person, the assignable
// users (the pages of Jira's 1,000-user window the port reads) and the project (for its lead); per person: their Jira user (cached for an hour)
// and, when Jira shows their e-mail address, 2 counts and one contact upsert; with "all projects", the project list (1 request per 50 projects). Measured in
// test/integration/brevo/capacity.test.ts: the same requests for 20 issues as for 200.
//
// Where the project's event goes: to the contact of the project's lead (GET /rest/api/3/project/{key}). Brevo records
// an event on a contact (https://developers.brevo.com/reference/create-event, `identifiers`), and the lead is the
// person a project's workload concerns; their contact is found by the e-mail Jira shows, like every contact of the
// app, so a lost answer is looked for on that timeline before anything is sent again (send-once.ts). A made-up
// contact per project (`ext_id` `jira-project-<KEY>`) would need the lookup by another identifier and would put a
// contact without an e-mail address into the admin's CRM; a lead whose e-mail is hidden is skipped with an info
// entry instead, as every hidden address is. The event is sent once per project and day (`sync_ref`
// `capacity-<KEY>-<YYYY-MM-DD>`), however often the day's job runs or is delivered.
import type { LoggedStatus } from '../../domain/item-outcome';
import { z } from 'zod';
import {
  assigneeOpenQuery,
  assigneeTotalQueries,
  CAPACITY_EVENT_NAME,
  capacityAttributes,
  capacityEventProperties,
  capacitySyncRef,
  projectCountQueries,
  projectScopeJql,
  type AssigneeLoad,
} from '../../domain/capacity';
import type { Budget } from '../../lib/budget';
import { settleWithConcurrency } from '../../lib/concurrency';
import { describeError, IntegrationError } from '../../lib/errors';
import type { BrevoCapacityJob } from '../jobs/brevo-account';
import type { EventSink } from '../ports/event-sink';
import type { SyncLevel } from '../records/sync-event';
import { emailDigest, hiddenEmailMessage, jiraUser } from './contacts';
import type { JobStep } from '../job-result';
import type { BrevoAccountSettings, BrevoDeps } from './deps';
import { sendEventOnce } from './send-once';
import { withSink } from './with-sink';

const OPERATION = 'team-capacity-to-brevo';
/** Count queries in flight at once: quick for a big team, gentle on Jira's rate limits. */
const COUNT_CONCURRENCY = 4;
/** A project or a person is started only with this much time left. */
const ITEM_MARGIN_MS = 20_000;

export interface CapacityDeps extends BrevoDeps {
  budget: Budget;
  now(): Date;
}

/** Time ran short: `next` goes on where this job stopped. */
export type CapacityStep = JobStep<BrevoCapacityJob>;

// The stored account carries every switch; the issue flow's settings type names only the issue-activity ones.
const capacitySwitch = z.looseObject({ teamCapacity: z.boolean().catch(false) });

export function wantsCapacity(account: Pick<BrevoAccountSettings, 'active' | 'events'>): boolean {
  return account.active && capacitySwitch.safeParse(account.events).data?.teamCapacity === true;
}

interface Person {
  accountId: string;
  displayName: string;
}

interface Context {
  deps: CapacityDeps;
  account: BrevoAccountSettings;
  sink: EventSink;
  day: string;
  /** assignable people per project, read once per invocation */
  assignable: Map<string, Promise<Person[]>>;
}

async function log(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  level: SyncLevel,
  message: string,
  outcome?: LoggedStatus,
) {
  await deps.log.append({
    level,
    instanceId: account.id,
    operation: OPERATION,
    message,
    ...(outcome === undefined ? {} : { outcome }),
  });
}

/** Runs the count queries a few at a time; the first failure fails them all (the step is retried). */
async function countAll(deps: CapacityDeps, queries: readonly string[]): Promise<number[]> {
  const settled = await settleWithConcurrency(queries, COUNT_CONCURRENCY, (jql) =>
    deps.jira.countIssues(jql),
  );
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

async function projectsOf(deps: CapacityDeps, account: BrevoAccountSettings): Promise<string[]> {
  if (account.projects !== 'all') return [...account.projects];
  return (await deps.jira.listProjects()).map((project) => project.key).sort();
}

function assignableIn(context: Context, projectKey: string): Promise<Person[]> {
  let people = context.assignable.get(projectKey);
  if (people === undefined) {
    people = context.deps.jira.listAssignableUsers(projectKey);
    context.assignable.set(projectKey, people);
  }
  return people;
}

/** Jira refused a project's queries (e.g. the project was deleted or renamed since the account was saved). */
function refusedByJira(error: unknown): boolean {
  return error instanceof IntegrationError && (error.kind === 'validation' || error.kind === 'not-found');
}

async function projectCapacity(context: Context, projectKey: string): Promise<void> {
  const { deps, account, sink, day } = context;
  const people = await assignableIn(context, projectKey);
  const scope = projectScopeJql(account, projectKey);
  const queries = projectCountQueries(scope);
  const [open = 0, created7d = 0, resolved7d = 0, ...perPerson] = await countAll(deps, [
    queries.open,
    queries.created7d,
    queries.resolved7d,
    ...people.map((person) => assigneeOpenQuery(scope, person.accountId)),
  ]);
  const assignees: AssigneeLoad[] = people.map((person, index) => ({
    ...person,
    open: perPerson[index] ?? 0,
  }));
  const leadId = await deps.jira.getProjectLead(projectKey);
  const lead = leadId === undefined ? undefined : await jiraUser(deps, leadId);
  const describe = `${CAPACITY_EVENT_NAME} of ${projectKey} for ${day}`;
  if (!lead?.email) {
    const why = lead
      ? hiddenEmailMessage(lead.displayName)
      : `project ${projectKey} has no lead whose contact could receive it.`;
    await log(deps, account, 'info', `${describe} not sent: ${why}`, 'skipped');
    return;
  }
  const sent = await sendEventOnce(deps, sink, {
    accountId: account.id,
    name: CAPACITY_EVENT_NAME,
    email: lead.email,
    syncRef: capacitySyncRef(projectKey, day),
    eventDate: deps.now().toISOString(),
    properties: capacityEventProperties({ projectKey, day, open, created7d, resolved7d, assignees }),
    describe: `${describe} to ${lead.displayName}`,
  });
  if (sent === 'sent') await log(deps, account, 'info', `Sent ${describe} to ${lead.displayName}.`, 'sent');
}

/** The people assignable in any of the projects, each once, in a stable order (the people phase resumes by index). */
async function everyone(context: Context, projects: readonly string[]): Promise<Person[]> {
  const byId = new Map<string, Person>();
  for (const projectKey of projects) {
    // A project Jira refuses was reported in the projects phase; its people are left out here.
    const people = await assignableIn(context, projectKey).catch((error: unknown) => {
      if (refusedByJira(error)) return [];
      throw error;
    });
    for (const person of people) byId.set(person.accountId, person);
  }
  return [...byId.values()].sort((a, b) =>
    a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0,
  );
}

/** Writes one person's figures to their contact; false when Jira hides their e-mail address. */
async function personCapacity(context: Context, person: Person): Promise<boolean> {
  const { deps, account, sink, day } = context;
  const user = await jiraUser(deps, person.accountId);
  if (!user?.email) return false;
  const queries = assigneeTotalQueries(account, person.accountId);
  const [open = 0, resolved7d = 0] = await countAll(deps, [queries.open, queries.resolved7d]);
  // An upsert sets the values of the day whatever was there: repeating it (a redelivery, a second run) is harmless.
  await sink.upsertContact({
    email: user.email,
    attributes: capacityAttributes({ open, resolved7d }, day),
    listIds: [],
  });
  await deps.stats.markContact(account.id, emailDigest(user.email));
  return true;
}

type Position = Pick<BrevoCapacityJob, 'phase' | 'next'>;

async function walk(context: Context, job: BrevoCapacityJob): Promise<CapacityStep> {
  const { deps, account } = context;
  const projects = await projectsOf(deps, account);
  const position: Position = { phase: job.phase, next: job.next };
  const timeShort = () => deps.budget.remainingMs() < ITEM_MARGIN_MS;
  if (position.phase === 'projects') {
    for (; position.next < projects.length; position.next++) {
      if (timeShort()) return { status: 'continue', next: { ...job, ...position } };
      const projectKey = projects[position.next] ?? '';
      try {
        await projectCapacity(context, projectKey);
      } catch (error) {
        if (!refusedByJira(error)) throw error;
        await log(
          deps,
          account,
          'warn',
          `Team capacity of ${projectKey} not computed: Jira refused its queries (${describeError(error)}).`,
          'skipped',
        );
      }
    }
    position.phase = 'people';
    position.next = 0;
  }
  const people = await everyone(context, projects);
  const hidden: string[] = [];
  for (; position.next < people.length; position.next++) {
    if (timeShort()) return { status: 'continue', next: { ...job, ...position } };
    const person = people[position.next];
    if (person && !(await personCapacity(context, person))) hidden.push(person.displayName);
  }
  if (hidden.length > 0) {
    await log(
      deps,
      account,
      'info',
      `Team capacity attributes not written for ${hidden.join(', ')}: their e-mail address is hidden by their ` +
        'Atlassian profile visibility, and the app never guesses one.',
    );
  }
  return { status: 'done' };
}

export async function runCapacityStep(
  deps: CapacityDeps,
  job: BrevoCapacityJob,
  options: { finalAttempt: boolean },
): Promise<CapacityStep> {
  const read = await deps.readAccount(job.accountId);
  if (!read.ok) return { status: 'retry', reason: read.reason };
  const account = read.account;
  // A removed or paused account, or one whose switch was turned off since the schedule ran, sends nothing.
  if (!account || !wantsCapacity(account)) return { status: 'done' };
  return withSink(deps, account, options.finalAttempt, {
    work: (sink) => walk({ deps, account, sink, day: job.day, assignable: new Map() }, job),
    noKey: () =>
      log(
        deps,
        account,
        'error',
        `Team capacity not sent: Brevo account "${account.name}" has no API key; enter it on the app's settings page.`,
        'failed',
      ),
    // The next day's run computes the figures afresh; this day's events that were not sent are not made up later.
    failed: (error, gaveUp) =>
      log(
        deps,
        account,
        'error',
        `Team capacity for ${job.day} not sent: ${
          gaveUp ? `gave up after repeated failures: ${describeError(error)}` : describeError(error)
        }`,
        'failed',
      ),
  });
}
