// A Brevo account's backfill ("Send the last N days", docs/product.md, "Brevo events" → "Backfill"): the run as the
// admin page sees it (docs/resolver-contract.md, "BackfillRun"), the resume point the queue jobs continue from, the
// port that keeps it, and the rules for starting and resuming one.

export type BackfillState = 'running' | 'done' | 'failed';

/** What the admin page shows of a run (the resolver contract). */
export interface BackfillRun {
  runId: string;
  days: number;
  /** ISO-8601 UTC: the start of the window, fixed when the run starts */
  since: string;
  state: BackfillState;
  startedAt: string;
  updatedAt: string;
  processedIssues: number;
  sentEvents: number;
  /** events not sent: sent before (by the live flow or an earlier run), or not allowed to leave Jira */
  skippedEvents: number;
  lastError: string | null;
}

/**
 * The run plus where it stands. The resume point is the id of the last issue done: the search is ordered by id and
 * asks for `id > afterIssueId`, which stays right after hours or a failure (a page token may not).
 */
export interface BackfillProgress extends BackfillRun {
  afterIssueId: string | null;
}

/** One record per Brevo account: its latest run (adapter in store/brevo-backfill.ts). */
export interface BackfillStore {
  load(accountId: string): Promise<BackfillProgress | undefined>;
  save(accountId: string, progress: BackfillProgress): Promise<void>;
}

export const BACKFILL_MIN_DAYS = 1;
export const BACKFILL_MAX_DAYS = 90;

/**
 * A running run untouched for this long has lost its job (dropped, or its retries used up without the final attempt
 * recording the failure): the admin may resume it. Longer than the longest queue back-off (15 minutes) plus an
 * invocation, so a run that is only waiting for its retry is never resumed twice.
 */
export const BACKFILL_STALL_MS = 30 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the admin page is given: the run without its resume point. */
export function runView(progress: BackfillProgress): BackfillRun {
  const { afterIssueId: _afterIssueId, ...run } = progress;
  return run;
}

export function newRun(runId: string, days: number, now: Date): BackfillProgress {
  const at = now.toISOString();
  return {
    runId,
    days,
    since: new Date(now.getTime() - days * DAY_MS).toISOString(),
    state: 'running',
    startedAt: at,
    updatedAt: at,
    processedIssues: 0,
    sentEvents: 0,
    skippedEvents: 0,
    lastError: null,
    afterIssueId: null,
  };
}

export function isStalled(run: BackfillRun, now: Date): boolean {
  return run.state === 'running' && now.getTime() - Date.parse(run.updatedAt) >= BACKFILL_STALL_MS;
}

/** Whether a new run may start: none is running, or the running one has stalled. */
export function mayStart(run: BackfillRun | undefined, now: Date): boolean {
  return run === undefined || run.state !== 'running' || isStalled(run, now);
}

/** Whether `run` may be resumed: it failed, or it stalled while running. */
export function mayResume(run: BackfillRun, now: Date): boolean {
  return run.state === 'failed' || isStalled(run, now);
}

/**
 * The window's start as JQL: a relative time, in whole minutes, that reaches back to `since` from now. An absolute
 * `updated >= "yyyy-MM-dd HH:mm"` would be read in the app user's time zone
 * (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/#Updated), moving the start by the site's offset
 * from UTC; an offset from Jira's own clock is the same instant in every zone. It is computed again for every page
 * from the `since` fixed when the run started, and rounded up, so the window never starts later than `since`.
 */
export function updatedSince(since: string, now: Date): string {
  const minutes = Math.max(1, Math.ceil((now.getTime() - Date.parse(since)) / 60_000));
  return `updated >= -${minutes}m`;
}

/** The search of one page: the account's scope, the window, after the resume point, in id order. */
export function backfillJql(
  scope: string | undefined,
  since: string,
  afterIssueId: string | null,
  now: Date,
): string {
  const clauses = [
    ...(scope === undefined ? [] : [scope]),
    updatedSince(since, now),
    ...(afterIssueId === null ? [] : [`id > ${afterIssueId}`]),
  ];
  return `${clauses.join(' AND ')} ORDER BY id ASC`;
}
