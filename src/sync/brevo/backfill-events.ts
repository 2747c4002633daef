// What a backfill sends for one issue: the Jira events of the window, rebuilt from the issue, its changelog and its
// comments as the jobs the live trigger would have queued for them (entry/jira-events.ts brevoChangeFor). Each keeps
// the live flow's name for the Jira event (`created`, `change-<changelogId>`, `comment-<commentId>`), so an event has
// one ledger key and one `sync_ref` whichever flow sends it: a backfill never repeats what the live flow sent, and the
// live flow never repeats what a backfill sent.
import { z } from 'zod';
import { brevoChangeOf } from '../../domain/brevo-event';
import type { JiraComment, JiraIssue } from '../../domain/jira';
import type { BrevoJob } from '../jobs/outbound';
import type { IssueChangeGroup } from '../records/jira';

/** A Jira event of the issue, as the live trigger would have queued it (without the account). */
export type PastEvent = Omit<BrevoJob, 'accountId'>;

/** Jira's times carry an offset (`2026-01-05T10:00:00.000+0000`); events carry ISO-8601 UTC. */
function isoTime(text: string): string | undefined {
  const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function inWindow(text: string, since: number): string | undefined {
  const at = isoTime(text);
  return at !== undefined && Date.parse(at) >= since ? at : undefined;
}

/** The Brevo events of one changelog entry, by the live trigger's rules; undefined when it makes none. */
function changeEvent(issue: JiraIssue, group: IssueChangeGroup, eventDate: string): PastEvent | undefined {
  const change = brevoChangeOf(group.items);
  if (!change) return undefined;
  return {
    kind: 'brevo',
    issueId: issue.id,
    issueKey: issue.key,
    jiraEventId: `change-${group.id}`,
    eventDate,
    ...change,
  };
}

const createdField = z.looseObject({ created: z.string().nullish().catch(null) });

/**
 * The issue's events since `since` (ISO-8601), oldest first: its creation, each change and each comment made in the
 * window. An edited comment counts once, by its creation, as the live trigger sends no event for an edit.
 */
export function pastEvents(
  issue: JiraIssue,
  changelog: readonly IssueChangeGroup[],
  comments: readonly JiraComment[],
  since: string,
): PastEvent[] {
  const from = Date.parse(since);
  const events: PastEvent[] = [];
  const created = createdField.parse(issue.fields).created;
  const createdAt = created ? inWindow(created, from) : undefined;
  if (createdAt !== undefined) {
    events.push({
      kind: 'brevo',
      issueId: issue.id,
      issueKey: issue.key,
      jiraEventId: 'created',
      eventDate: createdAt,
      events: ['issueCreated'],
    });
  }
  for (const group of changelog) {
    const at = inWindow(group.created, from);
    const event = at === undefined ? undefined : changeEvent(issue, group, at);
    if (event) events.push(event);
  }
  for (const comment of comments) {
    const at = inWindow(comment.created, from);
    if (at === undefined) continue;
    events.push({
      kind: 'brevo',
      issueId: issue.id,
      issueKey: issue.key,
      jiraEventId: `comment-${comment.id}`,
      eventDate: at,
      events: ['commentAdded'],
      commentId: comment.id,
    });
  }
  return events.sort((a, b) => Date.parse(a.eventDate) - Date.parse(b.eventDate));
}
