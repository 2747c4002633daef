// Jira Software's Sprint field, as Jira Cloud sites have it (`customfield_10020`, "Sprint"): the sprints an issue
// is or was in. Closed sprints stay in it, so `sprint = N` keeps matching issues carried over from sprint N.
// https://support.atlassian.com/jira-software-cloud/docs/search-for-issues-in-a-sprint/
import { renderSprintFieldEntry } from '../../render/sprint';
import type { Json } from '../../state/json';
import type { Issue } from '../../state/types';
import type { JiraCore } from '../core';
import type { FieldDefinition } from './definition';

export const SPRINT_FIELD_ID = 'customfield_10020';
const SPRINT_CUSTOM_ID = 10020;

/** The sprint ids in an issue's Sprint field, oldest first. */
export function sprintIdsOf(issue: Issue): number[] {
  const value: Json | undefined = issue.values.get(SPRINT_FIELD_ID);
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/** Not on any screen: issues join sprints through the board (the admin's `addToSprint`), not through edit. */
export function sprintFieldDefinition(): FieldDefinition {
  return {
    id: SPRINT_FIELD_ID,
    name: 'Sprint',
    custom: true,
    schema: {
      type: 'array',
      items: 'json',
      custom: 'com.pyxis.greenhopper.jira:gh-sprint',
      customId: SPRINT_CUSTOM_ID,
    },
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${SPRINT_CUSTOM_ID}]`, 'Sprint', 'sprint'],
    render: (issue, core: JiraCore) => {
      const sprints = sprintIdsOf(issue).flatMap((id) => {
        const sprint = core.store.sprints.get(id);
        return sprint ? [renderSprintFieldEntry(sprint)] : [];
      });
      // An empty custom field renders as null.
      return sprints.length > 0 ? sprints : null;
    },
  };
}
