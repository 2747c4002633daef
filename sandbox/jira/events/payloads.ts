import { isJsdPublic } from '../render/comment';
import { renderIssueType, renderProjectRef, renderStatus } from '../render/entities';
import type { JiraCore } from '../service/core';
import { formatJiraDate } from '../state/clock';
import type { Json, JsonObject } from '../state/json';
import type { Actor, ChangeItem, Comment, Issue } from '../state/types';
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

interface EventBase {
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

const eventUser = (accountId: string | null | undefined): { accountId: string } | undefined =>
  accountId ? { accountId } : undefined;

function valueOf(issue: Issue, fieldId: string): string | undefined {
  const value = issue.values.get(fieldId);
  return typeof value === 'string' ? value : undefined;
}

export function eventIssue(core: JiraCore, issue: Issue): EventIssue {
  const creator = eventUser(issue.creatorId);
  const reporter = eventUser(valueOf(issue, 'reporter'));
  const assignee = eventUser(valueOf(issue, 'assignee'));
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: valueOf(issue, 'summary') ?? '',
      issuetype: renderIssueType(core, core.store.requireIssueType(issue.issueTypeId)),
      project: renderProjectRef(core, core.store.requireProject(issue.projectId)),
      status: renderStatus(core, core.store.requireStatus(issue.statusId)),
      ...(creator ? { creator } : {}),
      ...(reporter ? { reporter } : {}),
      ...(assignee ? { assignee } : {}),
      created: formatJiraDate(issue.created),
      updated: formatJiraDate(issue.updated),
    },
  };
}

export function eventComment(comment: Comment): EventComment {
  return {
    id: comment.id,
    author: { accountId: comment.authorId },
    body: comment.body,
    updateAuthor: { accountId: comment.updateAuthorId },
    created: formatJiraDate(comment.created),
    updated: formatJiraDate(comment.updated),
    jsdPublic: isJsdPublic(comment),
  };
}

export function eventBase(core: JiraCore, actor: Actor, issue: Issue, at: number): EventBase {
  return {
    atlassianId: actor.accountId,
    selfGenerated: actor.isApp,
    timestamp: new Date(at).toISOString(),
    issue: eventIssue(core, issue),
  };
}
