// One Jira event's Brevo events, as both the live flow (send-events.ts) and the backfill (backfill.ts) send them:
// the kinds the account wants, a comment only when it may leave Jira (the same fail-closed rule as the ticket sync),
// and each kind to each contact exactly once (send-once.ts) under the same names, properties and ledger keys, so that
// neither flow sends what the other sent.
import {
  BREVO_EVENT_NAMES,
  commentProperty,
  issueEventProperties,
  type BrevoEventKind,
  type BrevoValue,
  type ContactPerson,
  type IssueFacts,
} from '../../domain/brevo-event';
import { adfToPlainText } from '../../domain/content';
import { isAppWrittenComment } from '../../domain/echo';
import type { JiraIssue } from '../../domain/jira';
import { commentPrivacy } from '../../domain/privacy';
import type { BrevoJob } from '../jobs/outbound';
import type { EventSink } from '../ports/event-sink';
import { ensureContact } from './contacts';
import type { BrevoAccountSettings, BrevoDeps } from './deps';
import { sendEventOnce } from './send-once';

export interface CommentFacts {
  id: string;
  text: string;
  authorName: string;
}

/** What only the Jira event knows, as event properties of one kind. */
function kindProperties(job: BrevoJob, kind: BrevoEventKind, comment: CommentFacts | undefined) {
  const properties: Record<string, BrevoValue> = {};
  if (kind === 'statusChanged' && job.statusChange) {
    properties.from_status = job.statusChange.from;
    properties.to_status = job.statusChange.to;
  }
  if (kind === 'issueUpdated' && job.changes) {
    properties.changed_fields = job.changes.map((change) => change.field).join(', ');
    for (const change of job.changes)
      properties[`new_${change.field.replace(/[^A-Za-z0-9_-]/g, '_')}`] = change.to;
  }
  if (kind === 'commentAdded' && comment) {
    properties.comment = comment.text;
    properties.comment_author = comment.authorName;
    properties.comment_id = comment.id;
  }
  return properties;
}

/** The comment when it may leave Jira, or the reason it may not. */
async function shareableComment(
  deps: BrevoDeps,
  job: BrevoJob,
  issue: JiraIssue,
): Promise<{ ok: true; comment: CommentFacts } | { ok: false; reason: string }> {
  if (!job.commentId) return { ok: false, reason: 'the event names no comment' };
  const comment = await deps.jira.getComment(job.issueId, job.commentId);
  if (!comment) return { ok: false, reason: 'the comment was deleted before it could be sent' };
  if (isAppWrittenComment(comment.properties)) {
    return { ok: false, reason: 'the comment was copied from a support ticket by this app' };
  }
  const privacy = commentPrivacy(comment, { securityLevel: issue.securityLevel });
  if (!privacy.shareable)
    return { ok: false, reason: `the comment is not customer-facing: ${privacy.reason}` };
  return {
    ok: true,
    comment: {
      id: comment.id,
      text: commentProperty(adfToPlainText(comment.body)),
      authorName: comment.authorName,
    },
  };
}

/** The kinds of one Jira event's Brevo events to send, with the comment they carry. */
export interface EventsToSend {
  kinds: BrevoEventKind[];
  comment?: CommentFacts;
  /** why the comment's event is not sent, when the event had one that may not leave Jira */
  withheld?: string;
}

/** The kinds of the job's events the account wants; a comment that may not leave Jira drops its kind, and says why. */
export async function eventsToSend(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  job: BrevoJob,
  issue: JiraIssue,
): Promise<EventsToSend> {
  const kinds = job.events.filter((kind) => account.events[kind]);
  if (!kinds.includes('commentAdded')) return { kinds };
  const shared = await shareableComment(deps, job, issue);
  if (shared.ok) return { kinds, comment: shared.comment };
  return { kinds: kinds.filter((kind) => kind !== 'commentAdded'), withheld: shared.reason };
}

/**
 * Sends each kind to each contact once, each contact upserted first; `told` hears of each event, in words, and
 * whether this call sent it (false: it had gone before, by either flow).
 */
export async function sendToContacts(
  deps: BrevoDeps,
  sink: EventSink,
  account: BrevoAccountSettings,
  job: BrevoJob,
  issue: Pick<JiraIssue, 'key'>,
  events: EventsToSend,
  facts: IssueFacts,
  contacts: readonly ContactPerson[],
  told: (describe: string, sent: boolean) => Promise<void>,
): Promise<void> {
  for (const contact of contacts) {
    const attributes = await ensureContact(deps, sink, account, contact, facts);
    for (const kind of events.kinds) {
      const name = BREVO_EVENT_NAMES[kind];
      const describe = `${name} for ${issue.key} to ${contact.displayName}`;
      const sent = await sendEventOnce(deps, sink, {
        accountId: account.id,
        name,
        email: contact.email,
        syncRef: `${job.issueId}:${job.jiraEventId}:${kind}`,
        eventDate: job.eventDate,
        properties: {
          ...issueEventProperties(facts, job.eventDate),
          ...kindProperties(job, kind, events.comment),
        },
        contactProperties: attributes,
        describe,
        issueId: job.issueId,
      });
      await told(describe, sent === 'sent');
    }
  }
}
