// Parses the milestone product events the app subscribes to (manifest.yml, trigger `milestone-events`): a released
// version (https://developer.atlassian.com/platform/forge/events-reference/jira/#version-events) and a closed sprint
// (https://developer.atlassian.com/platform/forge/events-reference/jira-software/#sprint-events). Only what the jobs
// need is read; the rest of the payload may change without breaking us.
import { z } from 'zod';
import { MILESTONE_ID_PATTERN, type ClosedSprint, type ReleasedVersion } from '../domain/milestone';

// Version ids are strings and sprint ids numbers in the payloads; both go into JQL and storage keys, so only digits pass.
const jiraId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(z.string().regex(MILESTONE_ID_PATTERN));

// A date the app cannot read is left out rather than costing the whole event: the milestone still happened.
const isoDate = z
  .union([z.string(), z.number()])
  .transform((raw) => {
    const at = new Date(typeof raw === 'number' ? raw : Date.parse(raw));
    return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
  })
  .optional()
  .catch(undefined);
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text === null || text === undefined || text.trim() === '' ? undefined : text))
  .catch(undefined);

const versionReleasedSchema = z.looseObject({
  eventType: z.literal('avi:jira:released:version'),
  version: z.looseObject({
    id: jiraId,
    name: z.string(),
    releaseDate: calendarDate,
    projectId: jiraId,
  }),
});

const sprintClosedSchema = z.looseObject({
  eventType: z.literal('avi:jira-software:closed:sprint'),
  sprint: z.looseObject({
    id: jiraId,
    name: z.string(),
    goal: optionalText,
    startDate: isoDate,
    endDate: isoDate,
    completeDate: isoDate,
  }),
});

export const milestoneEventSchema = z.discriminatedUnion('eventType', [
  versionReleasedSchema,
  sprintClosedSchema,
]);
export type MilestoneEvent = z.infer<typeof milestoneEventSchema>;

/** The milestone an event announces, in the sync's terms. */
export function milestoneOf(event: MilestoneEvent): ReleasedVersion | ClosedSprint {
  if (event.eventType === 'avi:jira:released:version') {
    const { id, name, releaseDate, projectId } = event.version;
    return { type: 'version', id, name, projectId, ...(releaseDate === undefined ? {} : { releaseDate }) };
  }
  const { id, name, goal, startDate, endDate, completeDate } = event.sprint;
  return {
    type: 'sprint',
    id,
    name,
    ...(goal === undefined ? {} : { goal }),
    ...(startDate === undefined ? {} : { startDate }),
    ...(endDate === undefined ? {} : { endDate }),
    ...(completeDate === undefined ? {} : { completeDate }),
  };
}

/**
 * When the milestone happened, sent as the Brevo events' date and kept by every retry: a sprint's completion time,
 * otherwise (a version has a date but no time) the moment the app heard of it.
 */
export function milestoneTime(milestone: ReleasedVersion | ClosedSprint, now: Date): string {
  return milestone.type === 'sprint' && milestone.completeDate !== undefined
    ? milestone.completeDate
    : now.toISOString();
}
