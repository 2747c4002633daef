// Product-event trigger: validate the Jira event, turn it into an outbound job and queue it. No sync work happens
// here: a trigger gets 25 s and few retries, the queue consumer gets minutes and retries for a day.
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { logger } from '../lib/logger';
import { OUTBOUND_QUEUE } from '../sync/jobs';
import { jiraEventSchema, jobForEvent } from './jira-events';

const outbound = new Queue({ key: OUTBOUND_QUEUE });

export async function onIssueEvent(rawEvent: unknown): Promise<InvocationError | undefined> {
  const parsed = jiraEventSchema.safeParse(rawEvent);
  if (!parsed.success) {
    // Retrying cannot fix a payload we do not understand; record it and move on.
    logger.warn('Ignored a Jira event the app cannot read', { issues: parsed.error.issues.slice(0, 3) });
    return undefined;
  }
  const job = jobForEvent(parsed.data);
  if (!job) return undefined;
  try {
    // One job at a time per issue keeps writes to an issue's tickets in order and under Jira's per-issue limits.
    await outbound.push([{ body: job, concurrency: { key: `issue-${job.issueId}`, limit: 1 } }]);
    return undefined;
  } catch (error) {
    logger.warn('Could not queue an outbound job; asking the platform to retry the event', {
      issueId: job.issueId,
      error: error instanceof Error ? error.message : 'unknown',
    });
    return new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
