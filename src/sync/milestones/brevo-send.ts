// The second half of a milestone's Brevo events for one account: one event per collected contact, with that contact's
// own issue keys, sent exactly once (sync/brevo/send-once, `sync_ref` = `version-<id>` / `sprint-<id>`), then the
// contact's record removed. Runs page roster by page roster and hands over when time runs short; when every roster is
// done the milestone is marked, so the same version released again sends nothing.
import { z } from 'zod';
import { MILESTONE_EVENT_NAMES, type IssueFacts } from '../../domain/brevo-event';
import { milestoneEventProperties, milestoneRef } from '../../domain/milestone';
import type { EventSink } from '../ports/event-sink';
import type { MilestoneContact } from '../records/milestone-contact';
import { contactsFor, ensureContact, hiddenEmailMessage } from '../brevo/contacts';
import type { BrevoAccountSettings } from '../brevo/deps';
import { sendEventOnce } from '../brevo/send-once';
import { continueOnce } from './continue-once';
import { logForAccount } from './brevo-log';
import type { MilestoneBrevoDeps } from './deps';
import type { MilestoneBrevoJob } from '../jobs/milestone';

const text = z.string();
const nullableText = z.string().nullable();
/** The first issue's facts as collected (store/milestone-contacts keeps them as JSON). */
const IssueFactsSchema: z.ZodType<IssueFacts> = z.object({
  id: text,
  key: text,
  summary: text,
  status: text,
  priority: nullableText,
  issueType: text,
  projectKey: text,
  created: nullableText,
  resolution: nullableText,
  url: nullableText,
});

async function sendToContact(
  deps: MilestoneBrevoDeps,
  account: BrevoAccountSettings,
  sink: EventSink,
  job: MilestoneBrevoJob,
  record: MilestoneContact,
): Promise<void> {
  const [person] = await contactsFor(deps, [record.jiraAccountId], (name) =>
    logForAccount(deps, account, 'info', hiddenEmailMessage(name), { outcome: 'skipped' }),
  );
  if (!person) return;
  const facts = IssueFactsSchema.safeParse(record.firstIssue);
  if (!facts.success) {
    await logForAccount(
      deps,
      account,
      'error',
      `Not sent to ${person.displayName}: the issues collected for them could not be read back from storage.`,
      { outcome: 'failed' },
    );
    return;
  }
  const { milestone } = job;
  const attributes = await ensureContact(deps, sink, account, person, facts.data);
  const name =
    milestone.type === 'version' ? MILESTONE_EVENT_NAMES.versionReleased : MILESTONE_EVENT_NAMES.sprintClosed;
  const describe = `${name} for ${milestone.name} to ${person.displayName}`;
  const sent = await sendEventOnce(deps, sink, {
    accountId: account.id,
    name,
    email: person.email,
    syncRef: milestoneRef(milestone),
    eventDate: job.eventDate,
    properties: milestoneEventProperties(milestone, {
      issueKeys: record.issueKeys,
      projectKey: facts.data.projectKey,
    }),
    contactProperties: attributes,
    describe,
  });
  if (sent === 'sent') {
    await logForAccount(
      deps,
      account,
      'info',
      `Sent ${describe} (${record.issueKeys.length === 1 ? '1 issue' : `${record.issueKeys.length} issues`}).`,
      { outcome: 'sent' },
    );
  }
}

export async function sendMilestoneEvents(
  deps: MilestoneBrevoDeps,
  account: BrevoAccountSettings,
  sink: EventSink,
  job: MilestoneBrevoJob,
  step: { pages: number; page: number; index: number },
): Promise<void> {
  const ref = milestoneRef(job.milestone);
  for (let page = step.page, index = step.index; page < step.pages; page++, index = 0) {
    const roster = await deps.contacts.roster(account.id, ref, page);
    for (; index < roster.length; index++) {
      if (deps.budget.remainingMs() < deps.handoverMarginMs) {
        await continueOnce(deps, { ...job, step: { phase: 'send', pages: step.pages, page, index } });
        return;
      }
      const contactId = roster[index];
      if (contactId === undefined) continue;
      // Gone when sent already: a contact is on the roster of every page with one of their issues.
      const record = await deps.contacts.get(account.id, ref, contactId);
      if (!record) continue;
      await sendToContact(deps, account, sink, job, record);
      await deps.contacts.remove(account.id, ref, contactId);
    }
    await deps.contacts.removeRoster(account.id, ref, page);
  }
  await deps.contacts.markDone(account.id, ref);
}
