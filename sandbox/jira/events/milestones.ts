// Product events about releases and sprints rather than issues: project versions released or unreleased
// (https://developer.atlassian.com/platform/forge/events-reference/jira/ , "Project versions") and sprints closed
// (https://developer.atlassian.com/platform/forge/events-reference/jira-software/ , "Sprint events").
import type { JsonObject } from '../state/json';

export interface VersionEvent {
  eventType: 'avi:jira:released:version' | 'avi:jira:unreleased:version';
  /** the user (or app) who released it */
  atlassianId: string;
  /** the version after the change, in the REST shape (render/version.ts) */
  version: JsonObject;
}

/**
 * The sprint as the Forge reference types it: ids are strings there (`id: string; originBoardId?: string`, example
 * `"id": "6"`), unlike the Agile REST API and the Sprint field, which give numbers. Dates are Jira timestamps.
 */
export interface EventSprint {
  id: string;
  originBoardId: string;
  name: string;
  goal: string;
  state: 'future' | 'active' | 'closed';
  createDate: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

export interface SprintClosedEvent {
  eventType: 'avi:jira-software:closed:sprint';
  atlassianId: string;
  sprint: EventSprint;
}
