// The queue side of milestones (docs/product.md, "Releases and sprints"): the ports their use cases get, and how the
// consumer runs a milestone's page (for the linked tickets, or for a Brevo account) and a release note's Retry. Their
// jobs go on the outbound queue one at a time per version, or per account for Brevo (entry/job-queues.ts).
import type { JobResult } from '../sync/job-result';
import type { ReleaseNoteJob } from '../sync/jobs/outbound';
import { runMilestoneBrevo } from '../sync/milestones/brevo-milestone';
import type { MilestoneBrevoDeps, ReleaseDeps } from '../sync/milestones/deps';
import type { MilestoneJob } from '../sync/jobs/milestone';
import { announceReleaseNote, announceReleasePage } from '../sync/milestones/release-tickets';
import { brevoDeps, outboundDeps, platform, type Platform } from './compose';

// 50 issues per page (Jira's default page of the enhanced search); a page's notes are written 8 at a time per issue.
const PAGE_SIZE = 50;
// An issue's work (a note and a status move on each of its tickets) or a contact's (a user read, an upsert, an event)
// finishes well within this; with less time left the job hands over to a new one.
const HANDOVER_MARGIN_MS = 30_000;

function releaseDeps(p: Platform): ReleaseDeps {
  return {
    ...outboundDeps(p),
    budget: p.budget,
    queues: p.queues,
    pageSize: PAGE_SIZE,
    handoverMarginMs: HANDOVER_MARGIN_MS,
  };
}

function milestoneBrevoDeps(p: Platform): MilestoneBrevoDeps {
  return {
    ...brevoDeps(p),
    budget: p.budget,
    queues: p.queues,
    config: p.store.config,
    contacts: p.store.milestoneContacts,
    pageSize: PAGE_SIZE,
    handoverMarginMs: HANDOVER_MARGIN_MS,
  };
}

/** Runs one page of a milestone from the outbound queue. */
export function runMilestoneJob(job: MilestoneJob, options: { finalAttempt: boolean }): Promise<JobResult> {
  const p = platform();
  return job.kind === 'release-tickets'
    ? announceReleasePage(releaseDeps(p), job, options)
    : runMilestoneBrevo(milestoneBrevoDeps(p), job, options);
}

/** The admin's "Retry" of one link's release note, run as an outbound job. */
export function runReleaseNote(job: ReleaseNoteJob, options: { finalAttempt: boolean }): Promise<JobResult> {
  return announceReleaseNote(outboundDeps(), job, options);
}
