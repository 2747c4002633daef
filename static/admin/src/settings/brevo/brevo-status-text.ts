// The words of a Brevo account's status and backfill on the admin page ("Last synced 3 minutes ago", "Last 24 h: 120
// sent · 3 skipped · 0 failed", "Sending… 150 issues done, 140 events sent"). Pure (the clock is passed in), so the
// wording is tested without a browser; the figures' meaning is in docs/resolver-contract.md, "BrevoStatus" and
// "BackfillRun".
import { formatDateTime, formatRelativeTime } from '../../../../shared/relative-time';
import type { BackfillRun, BrevoStatus } from '../../brevo-view';

/** The backend's bounds for "Send the last N days" (src/sync/brevo/backfill-run.ts); it checks them again. */
export const BACKFILL_MIN_DAYS = 1;
export const BACKFILL_MAX_DAYS = 90;
export const BACKFILL_DEFAULT_DAYS = 7;
/** A running run untouched this long has lost its job and may be resumed (the backend's BACKFILL_STALL_MS). */
export const BACKFILL_STALL_MS = 30 * 60 * 1000;

const numbers = new Intl.NumberFormat('en');

/** 9880 → "9,880". */
export function formatCount(count: number): string {
  return numbers.format(count);
}

function counted(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

export function lastSuccessText(lastSuccessAt: string | null, now: Date): string {
  if (lastSuccessAt === null) return 'Nothing synced yet';
  const when = formatRelativeTime(lastSuccessAt, now);
  return when === '' ? 'Last synced at an unknown time' : `Last synced ${when}`;
}

/** "42 issues tracked in 2 projects"; Jira's reason for a missing count is shown beside it (issuesTrackedError). */
export function scopeText(status: Pick<BrevoStatus, 'issuesTracked' | 'projectsMonitored'>): string {
  const projects =
    status.projectsMonitored === null
      ? 'all projects'
      : counted(status.projectsMonitored, 'project', 'projects');
  if (status.issuesTracked === null) return `Issues tracked in ${projects}: Jira did not count them`;
  return `${counted(status.issuesTracked, 'issue', 'issues')} tracked in ${projects}`;
}

export function contactsText(status: Pick<BrevoStatus, 'contactsLinked' | 'contactsLinkedComplete'>): string {
  const contacts = counted(status.contactsLinked, 'contact', 'contacts');
  return status.contactsLinkedComplete ? contacts : `At least ${contacts}`;
}

export function eventsText(status: Pick<BrevoStatus, 'events24h' | 'events24hComplete'>): string {
  const { sent, skipped, failed } = status.events24h;
  const counts = `${formatCount(sent)} sent · ${formatCount(skipped)} skipped · ${formatCount(failed)} failed`;
  return status.events24hComplete ? `Last 24 h: ${counts}` : `Last 24 h: at least ${counts}`;
}

export function rateLimitText(rateLimit: BrevoStatus['rateLimit']): string {
  if (rateLimit === null) return 'Brevo rate limit: not reported yet';
  return `Brevo rate limit: ${formatCount(rateLimit.remaining)} of ${formatCount(rateLimit.limit)} left`;
}

function durationText(seconds: number): string {
  if (seconds < 90) return counted(Math.max(1, Math.round(seconds)), 'second', 'seconds');
  if (seconds < 90 * 60) return counted(Math.round(seconds / 60), 'minute', 'minutes');
  return counted(Math.round(seconds / 3600), 'hour', 'hours');
}

/** When Brevo said so, and when its window resets (the figure is as old as the account's last successful job). */
export function rateLimitDetail(rateLimit: BrevoStatus['rateLimit'], now: Date): string | undefined {
  if (rateLimit === null) return undefined;
  const reported = `Reported ${formatRelativeTime(rateLimit.at, now)}`;
  if (rateLimit.resetSeconds === null) return `${reported}.`;
  const resetsInSeconds = (Date.parse(rateLimit.at) + rateLimit.resetSeconds * 1000 - now.getTime()) / 1000;
  if (!(resetsInSeconds > 0)) return `${reported}; that window has reset since.`;
  return `${reported}; the window resets in ${durationText(resetsInSeconds)}.`;
}

export type DaysInput = { ok: true; days: number } | { ok: false; message: string };

/** The number of days as typed: a whole number from 1 to 90. */
export function parseBackfillDays(text: string): DaysInput {
  const trimmed = text.trim();
  const days = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isInteger(days) && days >= BACKFILL_MIN_DAYS && days <= BACKFILL_MAX_DAYS) {
    return { ok: true, days };
  }
  return {
    ok: false,
    message: `Enter a whole number of days from ${BACKFILL_MIN_DAYS} to ${BACKFILL_MAX_DAYS}.`,
  };
}

/** The progress line of a run. */
export function backfillProgressText(run: BackfillRun): string {
  const issues = counted(run.processedIssues, 'issue', 'issues');
  const sent = counted(run.sentEvents, 'event', 'events');
  if (run.state === 'running') return `Sending… ${issues} done, ${sent} sent`;
  if (run.state === 'done') {
    const skipped = run.skippedEvents > 0 ? `, ${formatCount(run.skippedEvents)} skipped` : '';
    return `Done: ${issues}, ${sent} sent${skipped}`;
  }
  return `Stopped after ${issues}, ${sent} sent`;
}

/** Which days a run covers and when it started. */
export function backfillWindowText(run: BackfillRun, now: Date): string {
  const days = counted(run.days, 'day', 'days');
  return `The last ${days} (since ${formatDateTime(run.since)}), started ${formatRelativeTime(run.startedAt, now)}`;
}

/** The last error in words; a running run with an error is being retried by the queue. */
export function backfillErrorText(run: BackfillRun): string | undefined {
  if (run.lastError === null) return undefined;
  return run.state === 'running'
    ? `Retrying after an error: ${run.lastError}`
    : `Last error: ${run.lastError}`;
}

/** Whether the page should offer "Resume": a failed run, or a running one whose job has gone quiet. */
export function canResume(run: BackfillRun, now: Date): boolean {
  if (run.state === 'failed') return true;
  return run.state === 'running' && now.getTime() - Date.parse(run.updatedAt) >= BACKFILL_STALL_MS;
}
