// The first half of a milestone's Brevo events for one account: read the milestone's issues in the account's scope, a
// search page per invocation, and note each contact's own issues in storage (store/milestone-contacts), because one
// contact's issues can be spread over many pages and invocations. Nothing of an issue with a security level leaves
// Jira (invariant 3, docs/architecture.md): such an issue is neither counted nor named.
import { brevoScopeJql } from '../../domain/config';
import { milestoneJql, milestoneRef } from '../../domain/milestone';
import type { MilestoneContact } from '../records/milestone-contact';
import { accountIdsFor, contactFields, digest, participantsFieldId } from '../brevo/contacts';
import type { BrevoAccountSettings } from '../brevo/deps';
import { ISSUE_FACT_FIELDS, issueFacts } from '../brevo/issue-facts';
import { continueOnce } from './continue-once';
import type { MilestoneBrevoDeps } from './deps';
import type { MilestoneBrevoJob } from '../jobs/milestone';
import { logForAccount } from './brevo-log';

export async function collectMilestonePage(
  deps: MilestoneBrevoDeps,
  account: BrevoAccountSettings,
  job: MilestoneBrevoJob,
  step: { page: number; nextPageToken?: string | undefined },
): Promise<void> {
  const participantsField = await participantsFieldId(deps, account);
  const jql = milestoneJql(job.milestone, brevoScopeJql(account));
  const page = await deps.jira.searchIssues(
    jql,
    [...ISSUE_FACT_FIELDS, ...contactFields(participantsField)],
    {
      maxResults: deps.pageSize,
      ...(step.nextPageToken === undefined ? {} : { nextPageToken: step.nextPageToken }),
    },
  );
  const siteUrl = await deps.siteUrl();
  const contacts = new Map<string, MilestoneContact>();
  for (const issue of page.issues) {
    if (issue.securityLevel !== null) {
      await logForAccount(
        deps,
        account,
        'info',
        `Not counted: ${issue.key} has a security level, so it stays in Jira.`,
        {
          outcome: 'skipped',
          issue,
        },
      );
      continue;
    }
    for (const accountId of accountIdsFor(issue, account.contactRoles, participantsField)) {
      const known = contacts.get(accountId);
      if (known) known.issueKeys.push(issue.key);
      else {
        contacts.set(accountId, {
          jiraAccountId: accountId,
          issueKeys: [issue.key],
          firstIssue: { ...issueFacts(issue, siteUrl) },
        });
      }
    }
  }
  const ref = milestoneRef(job.milestone);
  await deps.contacts.collect(
    account.id,
    ref,
    step.page,
    [...contacts.values()].map((contact) => ({ contactId: digest(contact.jiraAccountId), contact })),
  );
  await continueOnce(deps, {
    ...job,
    step:
      page.nextPageToken === undefined
        ? { phase: 'send', pages: step.page + 1, page: 0, index: 0 }
        : { phase: 'collect', page: step.page + 1, nextPageToken: page.nextPageToken },
  });
}
