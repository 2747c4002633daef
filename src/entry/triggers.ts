// Product-event trigger: validate the Jira event, turn it into queue jobs and queue them. No sync work happens here:
// a trigger gets 25 s and few retries, the queue consumer gets minutes and retries for a day. A job for the linked
// tickets (one at a time per issue) and a job per Brevo account that wants the event (one at a time per account, so a
// burst of events stays within Brevo's request rate) go on the outbound queue together (entry/job-queues.ts).
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { logger } from '../lib/logger';
import { platform, type Platform } from './compose';
import { brevoJobsFor, jiraEventSchema, jobForEvent, brevoChangeFor, type JiraEvent } from './jira-events';

async function brevoJobs(p: Platform, event: JiraEvent) {
  // Only events Brevo cares about cost a configuration read.
  const change = brevoChangeFor(event);
  if (!change) return [];
  const config = await p.store.config.read();
  if (!config.ok) throw new Error(`the configuration cannot be read: ${config.error.message}`);
  return brevoJobsFor(event, change, config.document.brevoAccounts);
}

/**
 * The job for the issue's linked tickets, only when it has any: an issue without links costs one storage read here
 * and no queue event, which keeps bursts of Jira activity within the queue's 500 events a minute
 * (docs/forge-platform.md §5.1).
 */
async function ticketJob(p: Platform, event: JiraEvent) {
  const job = jobForEvent(event);
  if (!job) return undefined;
  return (await p.store.links.listByIssue(job.issueId)).length > 0 ? job : undefined;
}

export async function onIssueEvent(rawEvent: unknown): Promise<InvocationError | undefined> {
  const parsed = jiraEventSchema.safeParse(rawEvent);
  if (!parsed.success) {
    // Retrying cannot fix a payload we do not understand; record it and move on.
    logger.warn('Ignored a Jira event the app cannot read', { issues: parsed.error.issues.slice(0, 3) });
    return undefined;
  }
  const p = platform();
  try {
    const forTickets = await ticketJob(p, parsed.data);
    const forBrevo = await brevoJobs(p, parsed.data);
    await p.queues.pushOutbound(...(forTickets ? [forTickets] : []), ...forBrevo);
    return undefined;
  } catch (error) {
    logger.warn('Could not queue the jobs of a Jira event; asking the platform to retry the event', {
      issueId: parsed.data.issue.id,
      error: error instanceof Error ? error.message : 'unknown',
    });
    // The platform retries a product event at most four times: a minute apart, they outlast a burst that filled the
    // queue's per-minute allowance.
    return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
