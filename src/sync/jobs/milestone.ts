// The queue jobs of milestones (docs/product.md, "Releases and sprints"). A release walks its issues one page per
// invocation and continues on the queue with Jira's page token; a Brevo account collects each contact's issues page by
// page, then sends one event per contact. The jobs carry ids and the milestone as the event told it, never issue data.
import { z } from 'zod';
import { MILESTONE_ID_PATTERN } from '../../domain/milestone';

const jiraId = z.string().regex(MILESTONE_ID_PATTERN);
const optional = z.string().optional();

export const releasedVersionSchema = z.object({
  type: z.literal('version'),
  id: jiraId,
  name: z.string(),
  releaseDate: optional,
  projectId: jiraId,
});

export const closedSprintSchema = z.object({
  type: z.literal('sprint'),
  id: jiraId,
  name: z.string(),
  goal: optional,
  startDate: optional,
  endDate: optional,
  completeDate: optional,
});

export const milestoneSchema = z.discriminatedUnion('type', [releasedVersionSchema, closedSprintSchema]);

/** One page of a released version's issues → notes on their linked tickets. */
export const releasePageJobSchema = z.object({
  kind: z.literal('release-tickets'),
  version: releasedVersionSchema,
  /** when the release reached the app (ISO-8601): the note's date when the version has none */
  releasedAt: z.string(),
  /** 0 for the first page; for logs and tests */
  page: z.number().int().min(0),
  /** Jira's token for this page; absent on the first */
  nextPageToken: z.string().optional(),
  /** issues of this page already handled by an invocation that ran short of time */
  skip: z.number().int().min(0).default(0),
});

/** Where a Brevo account's work on one milestone stands. */
const brevoStepSchema = z.discriminatedUnion('phase', [
  /** reading the milestone's issues: `page` (0-based) is the one this job reads */
  z.object({
    phase: z.literal('collect'),
    page: z.number().int().min(0),
    nextPageToken: z.string().optional(),
  }),
  /** sending: contacts of collected page `page` from `index` on; `pages` pages were collected */
  z.object({
    phase: z.literal('send'),
    pages: z.number().int().min(0),
    page: z.number().int().min(0),
    index: z.number().int().min(0),
  }),
]);

export const milestoneBrevoJobSchema = z.object({
  kind: z.literal('milestone-brevo'),
  accountId: z.string(),
  milestone: milestoneSchema,
  /** the milestone's time (ISO-8601), the events' date across retries */
  eventDate: z.string(),
  step: brevoStepSchema,
});

/** A milestone's pages; the release note of one link (its Retry) is an outbound job instead (outbound.ts). */
export const milestoneJobSchema = z.discriminatedUnion('kind', [
  releasePageJobSchema,
  milestoneBrevoJobSchema,
]);

export type ReleasePageJob = z.infer<typeof releasePageJobSchema>;
export type MilestoneBrevoJob = z.infer<typeof milestoneBrevoJobSchema>;
export type MilestoneJob = z.infer<typeof milestoneJobSchema>;
export type MilestoneStep = MilestoneBrevoJob['step'];
