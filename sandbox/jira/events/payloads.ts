// The issue and comment parts of the emulator's product-event payloads (avi:jira:*:issue, avi:jira:*:comment), built
// from the stored issue in the shape Forge delivers.
import { isJsdPublic } from '../render/comment';
import { renderIssueType, renderProjectRef, renderStatus } from '../render/entities';
import type { JiraCore } from '../service/core';
import { formatJiraDate } from '../state/clock';
import type { Actor, Comment, Issue } from '../state/types';
import type { EventBase, EventComment, EventIssue } from './event-types';

export type {
  CommentDeletedEvent,
  EventBase,
  EventComment,
  EventIssue,
  EventUser,
  IssueCommentedEvent,
  IssueCreatedEvent,
  IssueDeletedEvent,
  IssueEvent,
  IssueUpdatedEvent,
  ProductEvent,
} from './event-types';

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
