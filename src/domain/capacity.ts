// Team capacity (docs/product.md, "Brevo events" → "Team capacity"): the workload figures of a Brevo account's projects
// on one day, the JQL count queries that give them, and what they become in Brevo: attributes on each assignee's
// contact and one `jira_team_capacity` event per project. Pure rules; sync/brevo/capacity.ts asks Jira and writes
// Brevo.
import { cutToBytes, type BrevoValue } from './brevo-event';
import { brevoScopeJql, jqlString } from './config/brevo-scope';

export const CAPACITY_EVENT_NAME = 'jira_team_capacity';

/**
 * The contact attributes capacity writes, with the Brevo type each needs: Brevo drops a value whose attribute is
 * missing or of another type without an error (https://developers.brevo.com/reference/create-contact), so the
 * connection test checks them and "Create missing attributes" creates them while `events.teamCapacity` is on.
 */
export const CAPACITY_ATTRIBUTES = [
  { name: 'JIRA_OPEN_ISSUES', type: 'float' },
  { name: 'JIRA_RESOLVED_7D', type: 'float' },
  { name: 'JIRA_CAPACITY_DATE', type: 'date' },
] as const;

/** The account's scope, as capacity reads it. */
export interface CapacityScope {
  projects: 'all' | readonly string[];
  issueTypes: 'all' | readonly string[];
  jql?: string | undefined;
}

/** The day the figures are for: the UTC date of the run, which names the event once per project and day. */
export function capacityDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `syncRef` of a project's event: one per project and day, whichever run (or redelivery) sends it. */
export function capacitySyncRef(projectKey: string, day: string): string {
  return `capacity-${projectKey}-${day}`;
}

// Jira's own clauses for "open" (not in a done status category) and the seven-day windows, relative to Jira's clock
// (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/, "Status category", "Resolved", "Created").
const OPEN = 'statusCategory != Done';
const RESOLVED_7D = 'resolved >= -7d';
const CREATED_7D = 'created >= -7d';

function and(...clauses: Array<string | undefined>): string {
  return clauses.filter((clause): clause is string => clause !== undefined).join(' AND ');
}

/** The issues of one project the account covers: the project, the account's issue types and its own filter. */
export function projectScopeJql(scope: CapacityScope, projectKey: string): string {
  return brevoScopeJql({ ...scope, projects: [projectKey] }) ?? `project = ${jqlString(projectKey)}`;
}

/** The three counts of a project: open now, created and resolved in the last seven days. */
export function projectCountQueries(projectScope: string): {
  open: string;
  created7d: string;
  resolved7d: string;
} {
  return {
    open: and(projectScope, OPEN),
    created7d: and(projectScope, CREATED_7D),
    resolved7d: and(projectScope, RESOLVED_7D),
  };
}

/** A person's open issues in one project (the project event's breakdown). */
export function assigneeOpenQuery(projectScope: string, accountId: string): string {
  return and(projectScope, `assignee = ${jqlString(accountId)}`, OPEN);
}

/**
 * A person's open and recently resolved issues across everything the account covers: their contact attributes are
 * one figure each, whatever the project. Without any scope the assignee clause alone bounds the search.
 */
export function assigneeTotalQueries(
  scope: CapacityScope,
  accountId: string,
): { open: string; resolved7d: string } {
  const who = `assignee = ${jqlString(accountId)}`;
  const accountScope = brevoScopeJql(scope);
  return { open: and(accountScope, who, OPEN), resolved7d: and(accountScope, who, RESOLVED_7D) };
}

export interface AssigneeLoad {
  accountId: string;
  displayName: string;
  open: number;
}

export interface ProjectCapacity {
  projectKey: string;
  day: string;
  open: number;
  created7d: number;
  resolved7d: number;
  /** every person assignable in the project, with their open issues there */
  assignees: readonly AssigneeLoad[];
}

/** Brevo refuses event properties over 50 KB; the breakdown is the one part that grows with the team. */
const BREAKDOWN_BUDGET_BYTES = 40 * 1024;

/** "Alice Admin: 3, Carol Chen: 1", busiest first; people with nothing open are left out. */
export function openByAssignee(assignees: readonly AssigneeLoad[]): string {
  const text = [...assignees]
    .filter((person) => person.open > 0)
    .sort((a, b) => b.open - a.open || a.displayName.localeCompare(b.displayName, 'en'))
    .map((person) => `${person.displayName}: ${person.open}`)
    .join(', ');
  return cutToBytes(text, BREAKDOWN_BUDGET_BYTES);
}

/** The properties of a project's `jira_team_capacity` event (`sync_ref` is added where the event is sent). */
export function capacityEventProperties(figures: ProjectCapacity): Record<string, BrevoValue> {
  const assigned = figures.assignees.reduce((sum, person) => sum + person.open, 0);
  return {
    project: figures.projectKey,
    capacity_date: figures.day,
    open_issues: figures.open,
    created_7d: figures.created7d,
    resolved_7d: figures.resolved7d,
    // Positive: the backlog grew over the week.
    net_change_7d: figures.created7d - figures.resolved7d,
    assignees: figures.assignees.length,
    open_assigned: assigned,
    open_by_assignee: openByAssignee(figures.assignees),
  };
}

/** What one person's contact shows: their open issues and those resolved this week, across the account's scope. */
export function capacityAttributes(
  totals: { open: number; resolved7d: number },
  day: string,
): Record<string, BrevoValue> {
  return { JIRA_OPEN_ISSUES: totals.open, JIRA_RESOLVED_7D: totals.resolved7d, JIRA_CAPACITY_DATE: day };
}
