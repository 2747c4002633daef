// Jira Software sprints: plan, start, fill and close, with the `avi:jira-software:closed:sprint` event
// (https://developer.atlassian.com/platform/forge/events-reference/jira-software/ , "Sprint events"). Boards are not
// modelled: a sprint only carries its board's id.
import { badRequest, notFound } from '../http/errors';
import { eventSprint } from '../render/sprint';
import type { Actor, Sprint } from '../state/types';
import type { JiraCore } from './core';
import { SPRINT_FIELD_ID, sprintIdsOf } from './fields/sprint-field';

/** Jira Software's default sprint length, used when a sprint starts without an end date. */
const DEFAULT_SPRINT_MS = 14 * 86_400_000;
const DEFAULT_BOARD_ID = 1;

export interface SprintInput {
  name: string;
  goal?: string;
  originBoardId?: number;
  /** epoch ms */
  startDate?: number;
  endDate?: number;
}

export function requireSprint(core: JiraCore, id: number): Sprint {
  const sprint = core.store.sprints.get(id);
  if (!sprint) throw notFound(`Sprint with id ${id} does not exist.`);
  return sprint;
}

/** A future sprint on its board. */
export function createSprint(core: JiraCore, input: SprintInput): Sprint {
  if (input.name.trim() === '') throw badRequest(['A sprint needs a name.']);
  const sprint: Sprint = {
    id: Number(core.store.nextId('sprint')),
    name: input.name.trim(),
    goal: input.goal ?? '',
    state: 'future',
    originBoardId: input.originBoardId ?? DEFAULT_BOARD_ID,
    created: core.clock.now(),
    ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
    ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
  };
  core.store.sprints.set(sprint.id, sprint);
  return sprint;
}

/** future → active; the start is now and the end two weeks later unless the sprint was planned with dates. */
export function startSprint(core: JiraCore, sprint: Sprint): void {
  if (sprint.state !== 'future')
    throw badRequest([`Sprint ${sprint.id} is ${sprint.state}: only a future sprint can start.`]);
  const start = sprint.startDate ?? core.clock.now();
  sprint.state = 'active';
  sprint.startDate = start;
  sprint.endDate ??= start + DEFAULT_SPRINT_MS;
}

/**
 * Moves issues into an open sprint. An issue is in at most one open sprint: joining this one takes it out of any
 * other open sprint, while the closed sprints it was in stay in its Sprint field, as in Jira Cloud.
 */
export function addIssuesToSprint(core: JiraCore, sprint: Sprint, issueIds: readonly string[]): void {
  if (sprint.state === 'closed')
    throw badRequest([`Sprint ${sprint.id} is closed: issues cannot be added to it.`]);
  for (const issueId of issueIds) {
    const issue = core.store.issues.get(issueId);
    if (!issue) throw notFound(`Issue ${issueId} does not exist.`);
    const closed = sprintIdsOf(issue).filter(
      (id) => id !== sprint.id && core.store.sprints.get(id)?.state === 'closed',
    );
    issue.values.set(SPRINT_FIELD_ID, [...closed, sprint.id]);
  }
}

/**
 * active → closed at the emulator clock's instant; emits `avi:jira-software:closed:sprint`. The issues keep the
 * sprint in their Sprint field whatever their status (unfinished ones are not moved to another sprint here), so an
 * app that wants the completed work must also ask for `statusCategory = Done`. Closing a closed sprint again
 * changes nothing and emits nothing.
 */
export function closeSprint(core: JiraCore, actor: Actor, sprint: Sprint): void {
  if (sprint.state === 'closed') return;
  if (sprint.state !== 'active')
    throw badRequest([`Sprint ${sprint.id} has not started: only an active sprint can be closed.`]);
  sprint.state = 'closed';
  sprint.completeDate = core.clock.tick();
  core.events.emit({
    eventType: 'avi:jira-software:closed:sprint',
    atlassianId: actor.accountId,
    sprint: eventSprint(sprint),
  });
}
