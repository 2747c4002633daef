// Jira issue activity → events on the Brevo contacts the issue concerns (docs/product.md, "Brevo events"). The issue
// is re-read, so late events describe it as it is; nothing leaves Jira for an issue with a security level, and a
// comment only when it is customer-facing (the same fail-closed rule as the ticket sync). Each event goes to each
// contact exactly once (sync/brevo/send-once).
import type { LoggedStatus } from '../../domain/item-outcome';
import { inBrevoScope, type ContactPerson } from '../../domain/brevo-event';
import type { JiraIssue } from '../../domain/jira';
import { describeError } from '../../lib/errors';
import type { JobResult } from '../job-result';
import type { BrevoJob } from '../jobs/outbound';
import type { EventSink } from '../ports/event-sink';
import type { SyncLevel } from '../records/sync-event';
import {
  accountIdsFor,
  contactFields,
  contactsFor,
  hiddenEmailMessage,
  participantsFieldId,
} from './contacts';
import type { BrevoAccountSettings, BrevoDeps } from './deps';
import { eventsToSend, sendToContacts } from './issue-events';
import { ISSUE_FACT_FIELDS, issueFacts } from './issue-facts';
import { withSink } from './with-sink';

const OPERATION = 'issue-event-to-brevo';

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
  options: { retry?: boolean; outcome?: LoggedStatus } = {},
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
  const events = await eventsToSend(deps, account, job, issue);
  if (events.withheld !== undefined) {
    await log(deps, account, job, 'warn', `Comment not sent: ${events.withheld}.`, { outcome: 'skipped' });
  }
  if (events.kinds.length === 0) return undefined;
  const facts = issueFacts(issue, await deps.siteUrl());
  const contacts = await contactsOf(deps, account, job, issue, participantsField);
  await sendToContacts(deps, sink, account, job, issue, events, facts, contacts, async (describe, sent) => {
    if (sent) await log(deps, account, job, 'info', `Sent ${describe}.`, { outcome: 'sent' });
  });
  return undefined;
}

export async function sendBrevoEvents(
  deps: BrevoDeps,
  job: BrevoJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
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
