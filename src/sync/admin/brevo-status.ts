// getBrevoStatus: one Brevo account at a glance on the admin page (issue 17): when its last job succeeded, how many
// issues and projects it covers, how many contacts the app keeps on Brevo for it, what became of its events in the
// last 24 hours, and the rate-limit quota Brevo last reported. Each figure comes from the cheapest source that holds
// it, read in parallel:
//
// - issues tracked: one approximate count of the account's scope in Jira (POST /rest/api/3/search/approximate-count);
//   a refusal or an outage leaves it null with Jira's reason, and the rest of the status stands;
// - projects monitored: the account's projects, or every project Jira lists when it takes all;
// - last success and rate limit: the account's stats record, written once per successful job (sync/brevo/stats.ts);
// - contacts linked: the contact markers, 100 a request, up to MAX_CONTACTS;
// - the last 24 hours: the account's sync-log entries of that window, newest first, 100 a request, up to MAX_LOG_PAGES.
// A count cut short by its cap or by the resolver's time is a lower bound, and says so (`…Complete: false`).
import type { LoggedStatus } from '../../domain/item-outcome';
import { brevoScopeJql, type StoredBrevoAccount } from '../../domain/config';
import { jqlString } from '../../domain/config/brevo-scope';
import { ok, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { outcomeOf } from '../brevo/stats';
import type { SinkRateLimit } from '../records/sink';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findBrevoAccount, instanceIdPayload } from './instances';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 50 requests of 100 markers: enough for most accounts, and a few seconds at most. */
const MAX_CONTACTS = 5_000;
/** 30 requests of 100 entries. An account logs one entry per event sent, so a busy day may be cut short. */
const MAX_LOG_PAGES = 30;
const LOG_PAGE_SIZE = 100;
/** left for the answer when the time budget stops a paged read */
const PAGE_RESERVE_MS = 3_000;

export interface BrevoStatus {
  /** when the account's last job succeeded; null before the first */
  lastSuccessAt: string | null;
  /** Jira's approximate count of the issues in the account's scope; null when Jira would not count them */
  issuesTracked: number | null;
  /** why `issuesTracked` is null */
  issuesTrackedError?: string;
  /** null only when the account takes every project and Jira could not list them */
  projectsMonitored: number | null;
  contactsLinked: number;
  /** false: more contacts than were counted */
  contactsLinkedComplete: boolean;
  events24h: Record<LoggedStatus, number>;
  /** false: the log of the last 24 h was longer than was read, so the counts are lower bounds */
  events24hComplete: boolean;
  rateLimit: SinkRateLimit | null;
}

type JiraFigures = Pick<BrevoStatus, 'issuesTracked' | 'issuesTrackedError' | 'projectsMonitored'>;

function failureText(error: unknown): string {
  return redactText(describeError(error));
}

/**
 * Jira counts only bounded queries ("a query with a search restriction", the approximate-count reference): an
 * account that narrows nothing is counted over every project Jira lists.
 */
async function jiraFigures(deps: AdminDeps, account: StoredBrevoAccount): Promise<JiraFigures> {
  let projectKeys: readonly string[];
  try {
    projectKeys =
      account.projects === 'all'
        ? (await deps.jira.listProjects()).map((project) => project.key)
        : account.projects;
  } catch (error) {
    const reason = `Jira did not list its projects: ${failureText(error)}`;
    return { issuesTracked: null, issuesTrackedError: reason, projectsMonitored: null };
  }
  const projectsMonitored = projectKeys.length;
  if (projectsMonitored === 0) return { issuesTracked: 0, projectsMonitored };
  const jql = brevoScopeJql(account) ?? `project in (${projectKeys.map(jqlString).join(', ')})`;
  try {
    return { issuesTracked: await deps.jira.countIssues(jql), projectsMonitored };
  } catch (error) {
    return {
      issuesTracked: null,
      issuesTrackedError: `Jira did not count the issues in scope: ${failureText(error)}`,
      projectsMonitored,
    };
  }
}

/** What became of the account's events since `since`, from its sync log (newest first, so the read stops there). */
async function eventsSince(
  deps: AdminDeps,
  accountId: string,
  since: number,
): Promise<Pick<BrevoStatus, 'events24h' | 'events24hComplete'>> {
  const events24h: Record<LoggedStatus, number> = { sent: 0, skipped: 0, failed: 0 };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LOG_PAGES; page++) {
    if (deps.budget.remainingMs() < PAGE_RESERVE_MS) return { events24h, events24hComplete: false };
    const read = await deps.log.list({
      instanceId: accountId,
      limit: LOG_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const entry of read.entries) {
      if (Date.parse(entry.time) < since) return { events24h, events24hComplete: true };
      const outcome = outcomeOf(entry);
      if (outcome !== undefined) events24h[outcome] += 1;
    }
    cursor = read.cursor;
    if (cursor === undefined) return { events24h, events24hComplete: true };
  }
  return { events24h, events24hComplete: false };
}

export function getBrevoStatus(deps: AdminDeps, call: AdminCall): Promise<Envelope<BrevoStatus>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findBrevoAccount(deps.config, id);
    if (!found.ok) return found;
    const since = deps.now().getTime() - DAY_MS;
    const [jira, stats, contacts, events] = await Promise.all([
      jiraFigures(deps, found.account),
      deps.brevoStats.read(id),
      deps.brevoStats.countContacts(id, { max: MAX_CONTACTS, budget: deps.budget }),
      eventsSince(deps, id, since),
    ]);
    return ok({
      lastSuccessAt: stats?.lastSuccessAt ?? null,
      ...jira,
      contactsLinked: contacts.count,
      contactsLinkedComplete: contacts.complete,
      ...events,
      rateLimit: stats?.rateLimit ?? null,
    });
  });
}
