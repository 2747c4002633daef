// A sprint as the Sprint field of an issue shows it (numbers, ISO dates, as Jira Cloud's `customfield_10020`) and as
// sprint events carry it (string ids, Jira timestamps: events/milestones.ts).
import type { EventSprint } from '../events/milestones';
import { formatJiraDate } from '../state/clock';
import type { JsonObject } from '../state/json';
import type { Sprint } from '../state/types';

const iso = (epochMs: number | undefined): string | undefined =>
  epochMs === undefined ? undefined : new Date(epochMs).toISOString();

/** One entry of the Sprint field: `{id, name, state, boardId, goal, startDate?, endDate?, completeDate?}`. */
export function renderSprintFieldEntry(sprint: Sprint): JsonObject {
  const dates = {
    startDate: iso(sprint.startDate),
    endDate: iso(sprint.endDate),
    completeDate: iso(sprint.completeDate),
  };
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.originBoardId,
    goal: sprint.goal,
    ...Object.fromEntries(
      Object.entries(dates).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
  };
}

export function eventSprint(sprint: Sprint): EventSprint {
  return {
    id: String(sprint.id),
    originBoardId: String(sprint.originBoardId),
    name: sprint.name,
    goal: sprint.goal,
    state: sprint.state,
    createDate: formatJiraDate(sprint.created),
    ...(sprint.startDate !== undefined ? { startDate: formatJiraDate(sprint.startDate) } : {}),
    ...(sprint.endDate !== undefined ? { endDate: formatJiraDate(sprint.endDate) } : {}),
    ...(sprint.completeDate !== undefined ? { completeDate: formatJiraDate(sprint.completeDate) } : {}),
  };
}
