// A run of the links-property repair (step.ts): what it covers, where it stands, and the ports it walks through. The
// resume point lives in storage, not in the queue job, so a redelivered or duplicated job resumes from the same place
// instead of starting the walk again, and a newer run of the same walk makes the older one's jobs stop.
import { z } from 'zod';

/**
 * What a run walks: `all` (the daily repair: every issue with the property, then every link), or the issues whose
 * property names one instance (after that instance was deleted, or renamed: `instanceName` is the name to look for).
 */
export const repairScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({
    kind: z.literal('instance'),
    instanceId: z.string().min(1).max(128),
    instanceName: z.string().min(1),
  }),
]);
export type RepairScope = z.infer<typeof repairScopeSchema>;

/** Where a walk of one instance's links stands: its links are in `linkedAt` order, ties told apart by their keys. */
export const linkWalkPointSchema = z.object({
  linkedAt: z.iso.datetime(),
  /** the keys of the links at exactly `linkedAt` that are done */
  keys: z.array(z.string().min(1).max(300)).max(1_000),
});
export type LinkWalkPoint = z.infer<typeof linkWalkPointSchema>;

const count = z.number().int().nonnegative();

export const repairProgressSchema = z.object({
  runId: z.string().min(1).max(100),
  scope: repairScopeSchema,
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** `properties`: issues that carry the property, by JQL in id order; `links`: each instance's links */
  phase: z.enum(['properties', 'links']),
  /** properties phase: the last issue done (Jira issue ids are numeric: the value goes into JQL as `id > N`) */
  afterIssueId: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable(),
  /** links phase: the instance being walked (configured instances in id order; null before the first) */
  instanceId: z.string().min(1).max(128).nullable(),
  after: linkWalkPointSchema.nullable(),
  /** issues looked at, properties written, removed, and issues that could not be repaired (logged) */
  checked: count,
  written: count,
  removed: count,
  failed: count,
});
export type RepairProgress = z.infer<typeof repairProgressSchema>;

/** One record per walk (`all`, or `instance-<id>`). Adapter: store/links-repair-runs.ts. */
export interface RepairRunStore {
  load(walk: string): Promise<RepairProgress | undefined>;
  save(walk: string, progress: RepairProgress): Promise<void>;
  remove(walk: string): Promise<void>;
}

/** One page of an instance's links from a point: the issues they join, and the point after them. */
export interface LinkWalkPage {
  issueIds: string[];
  next: LinkWalkPoint | undefined;
  /** no more links after this page */
  done: boolean;
}

/** An instance's links in the order they were made, from a point stored across invocations (store/link-walk.ts). */
export interface LinkWalk {
  page(instanceId: string, from: LinkWalkPoint | null): Promise<LinkWalkPage>;
}

export function walkOf(scope: RepairScope): string {
  return scope.kind === 'all' ? 'all' : `instance-${scope.instanceId}`;
}

export function newRepair(runId: string, scope: RepairScope, now: Date): RepairProgress {
  const at = now.toISOString();
  return {
    runId,
    scope,
    startedAt: at,
    updatedAt: at,
    phase: 'properties',
    afterIssueId: null,
    instanceId: null,
    after: null,
    checked: 0,
    written: 0,
    removed: 0,
    failed: 0,
  };
}
