// Jira issue activity → events on the Brevo contacts the issue concerns (docs/product.md, "Brevo events"). The issue
// is re-read, so late events describe it as it is; nothing leaves Jira for an issue with a security level, and a
// comment only when it is customer-facing (the same fail-closed rule as the ticket sync). Each event goes to each
// contact exactly once (sync/brevo/send-once).
import {
  BREVO_EVENT_NAMES,
  commentProperty,
  inBrevoScope,
  issueEventProperties,
  type BrevoEventKind,
  type BrevoValue,
  type ContactPerson,
} from '../../domain/brevo-event';
import { adfToPlainText } from '../../domain/content';
import { isAppWrittenComment } from '../../domain/echo';
import type { JiraIssue } from '../../domain/jira';
import { commentPrivacy } from '../../domain/privacy';
import { describeError } from '../../lib/errors';
import type { BrevoJob } from '../jobs';
import type { EventSink, SyncLevel, SyncOutcome } from '../ports';
import {
  accountIdsFor,
  contactFields,
  contactsFor,
  ensureContact,
  hiddenEmailMessage,
  participantsFieldId,
} from './contacts';
import type { BrevoAccountSettings, BrevoDeps } from './deps';
import { ISSUE_FACT_FIELDS, issueFacts } from './issue-facts';
import { sendEventOnce } from './send-once';
import { withSink } from './with-sink';

const OPERATION = 'issue-event-to-brevo';

export type BrevoResult = { status: 'done' } | { status: 'retry'; reason: string; retryAfterMs?: number };

/** What only the Jira event knows, as event properties of one kind (the backfill rebuilds the same: backfill.ts). */
export function kindProperties(job: BrevoJob, kind: BrevoEventKind, comment: CommentFacts | undefined) {
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

export interface CommentFacts {
  id: string;
  text: string;
  authorName: string;
}

/** The comment when it may leave Jira, or the reason it may not. */
export async function shareableComment(
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

/**
 * Every entry says what became of the events it is about (`outcome`), so the admin's status counts sent, skipped and
 * failed events from a field rather than from these words (sync/brevo/stats.ts). An error is a failure.
 */
async function log(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  job: BrevoJob,
  level: SyncLevel,
  message: string,
  options: { retry?: boolean; outcome?: SyncOutcome } = {},
) {
  const outcome = options.outcome ?? (level === 'error' ? 'failed' : undefined);
  await deps.log.append({
    level,
    instanceId: account.id,
    issueId: job.issueId,
    issueKey: job.issueKey,
    operation: OPERATION,
    message,
    ...(options.retry ? { retry: { kind: 'outbound', payload: job } } : {}),
    ...(outcome === undefined ? {} : { outcome }),
  });
}

async function contactsOf(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  job: BrevoJob,
  issue: JiraIssue,
  participantsField: string | undefined,
): Promise<ContactPerson[]> {
  return contactsFor(deps, accountIdsFor(issue, account.contactRoles, participantsField), (name) =>
    log(deps, account, job, 'info', hiddenEmailMessage(name), { outcome: 'skipped' }),
  );
}

async function sendAll(deps: BrevoDeps, account: BrevoAccountSettings, sink: EventSink, job: BrevoJob) {
  const participantsField = await participantsFieldId(deps, account);
  const issue = await deps.jira.getIssue(job.issueId, [
    ...ISSUE_FACT_FIELDS,
    ...contactFields(participantsField),
  ]);
  if (!issue) {
    return log(
      deps,
      account,
      job,
      'warn',
      `Jira issue ${job.issueKey} no longer exists, or the app can no longer browse it, so nothing was sent.`,
      { outcome: 'skipped' },
    );
  }
  // An issue security level restricts who may see the issue: nothing of it leaves Jira (invariant 3).
  if (issue.securityLevel !== null) {
    return log(
      deps,
      account,
      job,
      'info',
      `Not sent: ${issue.key} has a security level, so it stays in Jira.`,
      { outcome: 'skipped' },
    );
  }
  if (!inBrevoScope(account, issue.projectKey, issue.issueType)) return undefined;
  if (account.jql && !(await deps.jira.issueMatchesJql(issue.id, account.jql))) {
    const message = `Not sent: ${issue.key} does not match the account's JQL filter.`;
    return log(deps, account, job, 'info', message, { outcome: 'skipped' });
  }
  let kinds = job.events.filter((kind) => account.events[kind]);
  let comment: CommentFacts | undefined;
  if (kinds.includes('commentAdded')) {
    const shared = await shareableComment(deps, job, issue);
    if (shared.ok) comment = shared.comment;
    else {
      kinds = kinds.filter((kind) => kind !== 'commentAdded');
      await log(deps, account, job, 'warn', `Comment not sent: ${shared.reason}.`, { outcome: 'skipped' });
    }
  }
  if (kinds.length === 0) return undefined;
  const facts = issueFacts(issue, await deps.siteUrl());
  for (const contact of await contactsOf(deps, account, job, issue, participantsField)) {
    const attributes = await ensureContact(deps, sink, account, contact, facts);
    for (const kind of kinds) {
      const name = BREVO_EVENT_NAMES[kind];
      const syncRef = `${job.issueId}:${job.jiraEventId}:${kind}`;
      const describe = `${name} for ${issue.key} to ${contact.displayName}`;
      const sent = await sendEventOnce(deps, sink, {
        accountId: account.id,
        name,
        email: contact.email,
        syncRef,
        eventDate: job.eventDate,
        properties: {
          ...issueEventProperties(facts, job.eventDate),
          ...kindProperties(job, kind, comment),
        },
        contactProperties: attributes,
        describe,
        issueId: job.issueId,
      });
      if (sent === 'sent') await log(deps, account, job, 'info', `Sent ${describe}.`, { outcome: 'sent' });
    }
  }
  return undefined;
}

export async function sendBrevoEvents(
  deps: BrevoDeps,
  job: BrevoJob,
  options: { finalAttempt: boolean },
): Promise<BrevoResult> {
  const read = await deps.readAccount(job.accountId);
  if (!read.ok) return { status: 'retry', reason: read.reason };
  const account = read.account;
  // A removed or paused account sends nothing: the admin turned it off.
  if (!account?.active) return { status: 'done' };
  return withSink(deps, account, options.finalAttempt, {
    work: (sink) => sendAll(deps, account, sink, job).then(() => ({ status: 'done' as const })),
    noKey: () =>
      log(
        deps,
        account,
        job,
        'error',
        `Brevo account "${account.name}" has no API key: enter it on the app's settings page.`,
        { retry: true },
      ),
    failed: (error, gaveUp) =>
      log(
        deps,
        account,
        job,
        'error',
        gaveUp ? `Gave up after repeated failures: ${describeError(error)}` : describeError(error),
        { retry: true },
      ),
  });
}
