// One step of a Brevo account's backfill ("Send the last N days", docs/product.md, "Brevo events" → "Backfill"): the
// next page of at most 50 issues the account covers that were updated in the window, searched by JQL in id order
// after the last issue done, and each issue's events of the window sent to its contacts as the live flow sends them
// (issue-events.ts: same names, properties, privacy rules and ledger keys, so nothing is sent twice by either flow).
// One page per invocation; the entry continues on the queue. The resume point and the figures are saved after every
// issue, so a failure costs at most the issue in flight, whose events are exactly once anyway (send-once.ts).
//
// Events go one request each, not through POST /v3/events/batch: Brevo accepts a batch for asynchronous processing
// (https://developers.brevo.com/reference/create-batch-events), so neither a 202 nor a lost answer says which events
// were recorded, and every item of an unknown batch would have to be looked for on its contact's timeline before
// anything is sent again. One event per request keeps each outcome known (or looked for once), and a page of 50
// issues stays well within an invocation at Brevo's 10 event requests a second.
import type { LoggedStatus } from '../../domain/item-outcome';
import { brevoScopeJql } from '../../domain/config/brevo-scope';
import type { ContactPerson, IssueFacts } from '../../domain/brevo-event';
import type { JiraIssue } from '../../domain/jira';
import type { Budget } from '../../lib/budget';
import { describeError, IntegrationError } from '../../lib/errors';
import { retryAfter, type JobStep } from '../job-result';
import type { BrevoBackfillJob } from '../jobs/brevo-account';
import type { BrevoJob } from '../jobs/outbound';
import type { EventSink } from '../ports/event-sink';
import type { SyncLevel } from '../records/sync-event';
import { pastEvents } from './backfill-events';
import { backfillJql, type BackfillProgress, type BackfillStore } from './backfill-run';
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
import { recordBrevoSuccess } from './stats';

const OPERATION = 'brevo-backfill';
export const BACKFILL_PAGE_SIZE = 50;
/** An issue is started only with this much time left: its reads and a few events, with Brevo's waits. */
const ISSUE_MARGIN_MS = 30_000;
const ERROR_MAX_LENGTH = 1_000;

export interface BackfillDeps extends BrevoDeps {
  backfills: BackfillStore;
  budget: Budget;
  now(): Date;
}

/**
 * Done: the run finished, failed, or is not this job's any more. Continue: the page is done and more may follow, so
 * the same job goes on the queue again (the resume point is in storage). Retry: a transient failure; the progress is
 * saved.
 */
export type BackfillStep = JobStep<BrevoBackfillJob>;

interface Tally {
  sent: number;
  skipped: number;
}

interface PageContext {
  deps: BackfillDeps;
  account: BrevoAccountSettings;
  sink: EventSink;
  run: BackfillProgress;
  participantsField: string | undefined;
  siteUrl: string | undefined;
  tally: Tally;
}

async function log(
  deps: BrevoDeps,
  account: BrevoAccountSettings,
  level: SyncLevel,
  message: string,
  extra: { issue?: Pick<JiraIssue, 'id' | 'key'>; outcome?: LoggedStatus } = {},
) {
  await deps.log.append({
    level,
    instanceId: account.id,
    ...(extra.issue ? { issueId: extra.issue.id, issueKey: extra.issue.key } : {}),
    operation: OPERATION,
    message,
    ...(extra.outcome === undefined ? {} : { outcome: extra.outcome }),
  });
}

/** Sends one past event of the issue to each contact, once; counts what was sent and what was not. */
async function sendPastEvent(
  context: PageContext,
  issue: JiraIssue,
  facts: IssueFacts,
  job: BrevoJob,
  contacts: () => Promise<ContactPerson[]>,
) {
  const { deps, account, sink, tally } = context;
  const events = await eventsToSend(deps, account, job, issue);
  if (events.withheld !== undefined) {
    tally.skipped += 1;
    await log(deps, account, 'warn', `Comment not sent: ${events.withheld}.`, { issue, outcome: 'skipped' });
  }
  if (events.kinds.length === 0) return;
  const people = await contacts();
  if (people.length === 0) tally.skipped += events.kinds.length;
  await sendToContacts(deps, sink, account, job, issue, events, facts, people, async (describe, sent) => {
    if (sent) {
      tally.sent += 1;
      await log(deps, account, 'info', `Sent ${describe} (backfill).`, { issue, outcome: 'sent' });
    } else {
      // Sent before, by the live flow or an earlier step: not sent again.
      tally.skipped += 1;
    }
  });
}

async function backfillIssue(context: PageContext, issue: JiraIssue) {
  const { deps, account, run } = context;
  // An issue security level restricts who may see the issue: nothing of it leaves Jira (invariant 3).
  if (issue.securityLevel !== null) {
    await log(deps, account, 'info', `Not sent: ${issue.key} has a security level, so it stays in Jira.`, {
      issue,
      outcome: 'skipped',
    });
    return;
  }
  const [changelog, comments] = await Promise.all([
    deps.jira.listChangelog(issue.id),
    deps.jira.listComments(issue.id),
  ]);
  const events = pastEvents(issue, changelog, comments, run.since);
  if (events.length === 0) return;
  const facts = issueFacts(issue, context.siteUrl);
  // The contacts are looked up once per issue, and only when one of its events is sent.
  let people: Promise<ContactPerson[]> | undefined;
  const contacts = () =>
    (people ??= contactsFor(
      deps,
      accountIdsFor(issue, account.contactRoles, context.participantsField),
      (name) => log(deps, account, 'info', hiddenEmailMessage(name), { issue, outcome: 'skipped' }),
    ));
  for (const event of events) {
    await sendPastEvent(context, issue, facts, { ...event, accountId: account.id }, contacts);
  }
}

function withFigures(run: BackfillProgress, tally: Tally, at: Date): BackfillProgress {
  return {
    ...run,
    sentEvents: run.sentEvents + tally.sent,
    skippedEvents: run.skippedEvents + tally.skipped,
    updatedAt: at.toISOString(),
  };
}

async function save(deps: BackfillDeps, accountId: string, run: BackfillProgress) {
  await deps.backfills.save(accountId, run);
  return run;
}

/** Ends the run as failed, in words the admin page shows, with an error in the account's sync log. */
async function failRun(
  deps: BackfillDeps,
  account: BrevoAccountSettings,
  run: BackfillProgress,
  reason: string,
) {
  const lastError = reason.slice(0, ERROR_MAX_LENGTH);
  await save(deps, account.id, { ...run, state: 'failed', lastError, updatedAt: deps.now().toISOString() });
  await log(
    deps,
    account,
    'error',
    `The backfill of the last ${run.days} days stopped after ${run.processedIssues} issues: ${lastError} ` +
      'Resume it on the settings page.',
    { outcome: 'failed' },
  );
}

async function runPage(context: PageContext): Promise<{ run: BackfillProgress; more: boolean }> {
  const { deps, account } = context;
  const jql = backfillJql(brevoScopeJql(account), context.run.since, context.run.afterIssueId, deps.now());
  const page = await deps.jira.searchIssues(
    jql,
    [...ISSUE_FACT_FIELDS, ...contactFields(context.participantsField)],
    { maxResults: BACKFILL_PAGE_SIZE },
  );
  for (const issue of page.issues) {
    if (deps.budget.remainingMs() < ISSUE_MARGIN_MS) return { run: context.run, more: true };
    await backfillIssue(context, issue);
    context.run = await save(deps, account.id, {
      ...withFigures(context.run, context.tally, deps.now()),
      afterIssueId: issue.id,
      processedIssues: context.run.processedIssues + 1,
      lastError: null,
    });
    context.tally = { sent: 0, skipped: 0 };
  }
  return { run: context.run, more: page.issues.length >= BACKFILL_PAGE_SIZE };
}

export async function runBackfillStep(
  deps: BackfillDeps,
  job: BrevoBackfillJob,
  options: { finalAttempt: boolean },
): Promise<BackfillStep> {
  const stored = await deps.backfills.load(job.accountId);
  // A job of a run that finished, failed or was replaced (an earlier duplicate, a stalled chain) has nothing to do.
  if (stored?.runId !== job.runId || stored.state !== 'running') return { status: 'done' };
  const read = await deps.readAccount(job.accountId);
  if (!read.ok) return { status: 'retry', reason: read.reason };
  const account = read.account;
  if (!account) {
    await save(deps, job.accountId, {
      ...stored,
      state: 'failed',
      lastError: 'The Brevo account was removed.',
      updatedAt: deps.now().toISOString(),
    });
    return { status: 'done' };
  }
  if (!account.active) {
    await failRun(deps, account, stored, 'The Brevo account is paused: turn its synchronization on first.');
    return { status: 'done' };
  }
  const sink = await deps.openEventSink(account);
  if (!sink) {
    await failRun(deps, account, stored, `Brevo account "${account.name}" has no API key: enter it first.`);
    return { status: 'done' };
  }
  const context: PageContext = {
    deps,
    account,
    sink,
    run: stored,
    participantsField: undefined,
    siteUrl: undefined,
    tally: { sent: 0, skipped: 0 },
  };
  try {
    context.participantsField = await participantsFieldId(deps, account);
    context.siteUrl = await deps.siteUrl();
    const { run, more } = await runPage(context);
    await recordBrevoSuccess(deps, account.id, sink);
    if (more) return { status: 'continue' };
    await save(deps, account.id, {
      ...run,
      state: 'done',
      lastError: null,
      updatedAt: deps.now().toISOString(),
    });
    await log(
      deps,
      account,
      'info',
      `The backfill of the last ${run.days} days finished: ${run.processedIssues} issues, ${run.sentEvents} events ` +
        `sent, ${run.skippedEvents} not sent (sent before, or not allowed to leave Jira).`,
    );
    return { status: 'done' };
  } catch (error) {
    // What was sent before the failure counts; the issue in flight is done again, and its events are not resent.
    const run = withFigures(context.run, context.tally, deps.now());
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !options.finalAttempt) {
      await save(deps, account.id, { ...run, lastError: describeError(error).slice(0, ERROR_MAX_LENGTH) });
      return retryAfter(error);
    }
    await failRun(
      deps,
      account,
      run,
      transient ? `Gave up after repeated failures: ${describeError(error)}` : describeError(error),
    );
    return { status: 'done' };
  }
}
