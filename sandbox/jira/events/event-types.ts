// The shapes of the product events the emulated site delivers, in their own file: the event bus, the use cases that
// raise events and the renderers all use them without importing each other.
import type { Json, JsonObject } from '../state/json';
import type { ChangeItem } from '../state/types';
import type { SprintClosedEvent, VersionEvent } from './milestones';

/** Forge payloads carry users as bare account ids (no names, no e-mail). */
export interface EventUser {
  accountId: string;
}

export interface EventIssue {
  id: string;
  key: string;
  fields: {
    summary: string;
    issuetype: JsonObject;
    project: JsonObject;
    status: JsonObject;
    creator?: EventUser;
    reporter?: EventUser;
    assignee?: EventUser;
    created: string;
    updated: string;
  };
}

/** Live `commented:issue` events carry no `visibility`, even for restricted comments: apps must re-read the comment. */
export interface EventComment {
  id: string;
  author: EventUser;
  body: Json;
  updateAuthor: EventUser;
  created: string;
  updated: string;
  jsdPublic: boolean;
}

export interface EventBase {
  atlassianId: string;
  /** true when the app principal (asApp) caused the change */
  selfGenerated: boolean;
  /** seen as a string in live events */
  timestamp: string;
  issue: EventIssue;
}

export interface IssueCreatedEvent extends EventBase {
  eventType: 'avi:jira:created:issue';
}

export interface IssueUpdatedEvent extends EventBase {
  eventType: 'avi:jira:updated:issue';
  jiraEventTypeName: 'issue_updated' | 'issue_generic' | 'issue_commented';
  /** absent when nothing but a comment changed (comment create) */
  changelog?: { id: string; items: ChangeItem[] };
}

export interface IssueCommentedEvent extends EventBase {
  eventType: 'avi:jira:commented:issue';
  comment: EventComment;
}

export interface CommentDeletedEvent extends EventBase {
  eventType: 'avi:jira:deleted:comment';
  comment: EventComment;
}

export interface IssueDeletedEvent extends EventBase {
  eventType: 'avi:jira:deleted:issue';
}

export type IssueEvent =
  IssueCreatedEvent | IssueUpdatedEvent | IssueCommentedEvent | CommentDeletedEvent | IssueDeletedEvent;

/** Everything the emulated site delivers: issue events, and version and sprint events (milestones.ts). */
export type ProductEvent = IssueEvent | VersionEvent | SprintClosedEvent;
