// How each link of the issue is doing, in words the panel shows under the ticket (issue 19): the newest problem the
// sync log holds for that ticket on this issue (a skipped comment, a status without a match, a failed copy), with the
// entry's id when it can be retried from the panel. One small query per link, all at once, on the log's `by-ticket`
// index (manifest.yml); a log that cannot be read leaves the rows without health, never fails the panel.
import { loggedOutcome } from '../../domain/item-outcome';
import { operationName } from '../../domain/sync-operation';
import { describeError } from '../../lib/errors';
import type { Link } from '../records/link';
import type { SyncEvent } from '../records/sync-event';
import type { PanelDeps } from './deps';
import { ticketRef } from './ticket-ref';

/** A link's newest open warning or error, as the panel shows it. */
export interface LinkProblem {
  /** the sync-log entry (for Retry) */
  entryId: string;
  time: string;
  level: 'warn' | 'error';
  /** what happened, in plain words */
  words: string;
  /** whether the panel offers Retry (the entry carries a job to re-run and was not retried yet) */
  retryable: boolean;
}

/** How many of a ticket's newest entries are looked at: enough to see past the info entries of a busy hour. */
const ENTRIES_READ = 10;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const NOT_SENT = /^Not sent because (?:the comment is )?(.+?)\.?$/;
const NO_STATUS_MATCH =
  /^No (.+) status matches the Jira status "(.+)"; the ticket status was left as "(.*)"\.$/;

/** The entry's message in the panel's words; the sync log's own wording where no shorter one fits. */
export function problemWords(entry: Pick<SyncEvent, 'operation' | 'message' | 'time'>): string {
  const day = DAY.format(new Date(entry.time));
  const notSent = NOT_SENT.exec(entry.message);
  if (entry.operation === 'comment-to-action' && notSent?.[1] !== undefined) {
    return `Comment of ${day} not sent: ${notSent[1]}`;
  }
  const noMatch = NO_STATUS_MATCH.exec(entry.message);
  if (noMatch?.[2] !== undefined) {
    return `Status ${noMatch[2]} has no TeamSupport match: note added, the ticket stays "${noMatch[3] ?? ''}"`;
  }
  // What was being done, in the same words as the admin page's sync log (domain/sync-operation.ts).
  return `${day}, ${operationName(entry.operation)}: ${entry.message}`;
}

function isProblemOf(link: Link, entry: SyncEvent): entry is SyncEvent & { level: 'warn' | 'error' } {
  return (
    entry.level !== 'info' &&
    // a retried item shows again only if the retry fails too (as a new entry); a resolved one is done
    entry.status === 'open' &&
    // the same ticket may have been linked to another issue before: only this link's entries count
    entry.issueId === link.issueId &&
    entry.time >= link.linkedAt
  );
}

async function newestProblem(deps: PanelDeps, link: Link): Promise<LinkProblem | undefined> {
  const page = await deps.log.list({
    instanceId: link.instanceId,
    ticketId: link.ticketId,
    limit: ENTRIES_READ,
  });
  const entry = page.entries.find((candidate) => isProblemOf(link, candidate));
  // What became of the item (domain/item-outcome.ts): skipped for a warning, failed for an error.
  const outcome = entry && loggedOutcome(entry);
  if (!entry || !outcome) return undefined;
  return {
    entryId: entry.id,
    time: entry.time,
    level: entry.level,
    words: problemWords(entry),
    retryable: outcome.retryable,
  };
}

/** Each link's newest problem by ticketRef (absent: nothing to report, or the log could not be read). */
export async function readLinkHealth(
  deps: PanelDeps,
  links: readonly Link[],
): Promise<Map<string, LinkProblem>> {
  const answers = await Promise.allSettled(links.map((link) => newestProblem(deps, link)));
  const health = new Map<string, LinkProblem>();
  answers.forEach((answer, index) => {
    const link = links[index];
    if (!link) return;
    if (answer.status === 'fulfilled') {
      if (answer.value) health.set(ticketRef(link), answer.value);
    } else {
      deps.logger.warn('The sync log could not be read for the issue panel', {
        instanceId: link.instanceId,
        reason: describeError(answer.reason),
      });
    }
  });
  return health;
}
