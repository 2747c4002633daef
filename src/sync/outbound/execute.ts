// The outbound use case: one queued job, every linked ticket it concerns. Transient failures make the job retry as a
// whole; the mirror ledger and read-before-write make the retry add nothing that was already added.
import type { TicketJob } from '../jobs';
import { syncComment } from './comment';
import type { OutboundDeps, TargetOutcome } from './deps';
import { syncIssueDeleted } from './issue-deleted';
import { syncIssueUpdate } from './issue-updated';
import { resolveTargets } from './targets';

export type OutboundResult =
  | { status: 'done'; outcomes: TargetOutcome[] }
  | { status: 'retry'; reason: string; outcomes: TargetOutcome[] };

export async function executeOutbound(
  deps: OutboundDeps,
  job: TicketJob,
  options: { finalAttempt: boolean },
): Promise<OutboundResult> {
  const resolved = await resolveTargets(deps, job.issueId, job.only);
  if (!resolved.ok) return { status: 'retry', reason: resolved.reason, outcomes: [] };
  const { targets } = resolved;
  if (targets.length === 0) {
    if (job.kind === 'issue-deleted' && !job.only) await deps.links.removeByIssue(job.issueId);
    return { status: 'done', outcomes: [] };
  }
  let outcomes: TargetOutcome[];
  switch (job.kind) {
    case 'comment':
      outcomes = await syncComment(deps, job, targets, options.finalAttempt);
      break;
    case 'issue-updated':
      outcomes = await syncIssueUpdate(deps, job, targets, options.finalAttempt);
      break;
    case 'issue-deleted':
      outcomes = await syncIssueDeleted(deps, job, targets, options.finalAttempt);
      // Links on inactive instances were not targets; they point at nothing now either.
      if (!job.only && outcomes.every((o) => o === 'sent' || o === 'skipped'))
        await deps.links.removeByIssue(job.issueId);
      break;
  }
  return outcomes.includes('transient')
    ? { status: 'retry', reason: 'a ticket system or Jira asked us to try again later', outcomes }
    : { status: 'done', outcomes };
}
