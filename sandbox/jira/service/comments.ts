// The comment use cases of the emulated Jira: visibility and permission checks, add, update and delete with their
// product events and Jira's limits.
import { z } from 'zod';
import { adfErrors } from '../contract/adf';
import { eventBase, eventComment } from '../events/payloads';
import { ContractError, fieldErrors, forbidden, notFound } from '../http/errors';
import { JsonSchema, type Json } from '../state/json';
import type { Comment, CommentVisibility, Issue } from '../state/types';
import { can, type JiraCore } from './core';
import { requireIssuePermission, visibleIssue, type Caller } from './issues';
import { checkEntityProperty } from './properties';
import { exceedsTextLimit, TEXT_TOO_LONG } from './text-limit';

export interface CommentInput {
  body: unknown;
  visibility?: { type: 'group' | 'role'; value?: string; identifier?: string | null };
  properties: { key: string; value: Json }[];
}

const DocContent = z.object({ content: z.array(z.unknown()) });

/**
 * Jira v3 answers a string or malformed body with `errors.comment`; both break the ADF contract. A valid body longer
 * than Jira's text limit (text-limit.ts) is a plain 400, as Jira answers it.
 */
function parseBody(raw: unknown): Json {
  if (raw === undefined || raw === null) throw fieldErrors({ comment: 'Comment body can not be empty!' });
  const json = JsonSchema.safeParse(raw);
  const errors =
    json.success && typeof raw === 'object'
      ? adfErrors(json.data)
      : [`body is a ${typeof raw}, not an ADF document`];
  if (!json.success || errors.length > 0) {
    throw new ContractError(
      errors.map((e) => `comment body: ${e}`),
      [],
      { comment: 'Comment body is not valid!' },
    );
  }
  const content = DocContent.safeParse(json.data);
  if (!content.success || content.data.content.length === 0)
    throw fieldErrors({ comment: 'Comment body can not be empty!' });
  if (exceedsTextLimit(json.data)) throw fieldErrors({ comment: TEXT_TOO_LONG });
  return json.data;
}

function parseVisibility(core: JiraCore, raw: CommentInput['visibility']): CommentVisibility | undefined {
  if (!raw) return undefined;
  const name = raw.value ?? raw.identifier ?? undefined;
  if (!name) throw fieldErrors({ commentLevel: 'Visibility requires a group or role value.' });
  if (raw.type === 'role' && !core.store.roles.has(name)) {
    throw fieldErrors({ commentLevel: `Role level '${name}' does not exist.` });
  }
  if (raw.type === 'group' && !core.store.groups.has(name)) {
    throw fieldErrors({ commentLevel: `Group: '${name}' does not exist.` });
  }
  return { type: raw.type, value: name };
}

/** The comment if the caller can see its issue and it belongs to that issue; 404 otherwise. */
export function visibleComment(
  core: JiraCore,
  caller: Caller,
  issueRef: string,
  commentId: string,
): { issue: Issue; comment: Comment } {
  const issue = visibleIssue(core, caller, issueRef);
  const comment = core.store.comments.get(commentId);
  if (!comment || comment.issueId !== issue.id)
    throw notFound(`Can not find a comment for the id: ${commentId}.`);
  return { issue, comment };
}

/** Comment properties are addressed by comment id alone. */
export function visibleCommentById(
  core: JiraCore,
  caller: Caller,
  commentId: string,
): { issue: Issue; comment: Comment } {
  const comment = core.store.comments.get(commentId);
  if (!comment) throw notFound(`Can not find a comment for the id: ${commentId}.`);
  return visibleComment(core, caller, comment.issueId, commentId);
}

export function requireCommentPermission(
  core: JiraCore,
  caller: Caller,
  comment: Comment,
  action: 'EDIT' | 'DELETE',
): void {
  if (!caller.enforcePermissions) return;
  const issue = core.store.issues.get(comment.issueId);
  const projectId = issue?.projectId;
  const own = comment.authorId === caller.actor.accountId;
  const allowed =
    can(core, caller.actor, action === 'EDIT' ? 'EDIT_ALL_COMMENTS' : 'DELETE_ALL_COMMENTS', projectId) ||
    (own &&
      can(core, caller.actor, action === 'EDIT' ? 'EDIT_OWN_COMMENTS' : 'DELETE_OWN_COMMENTS', projectId));
  if (!allowed) {
    throw forbidden(
      `You do not have the permission to ${action === 'EDIT' ? 'edit' : 'delete'} this comment.`,
    );
  }
}

function emitCommented(core: JiraCore, caller: Caller, issue: Issue, comment: Comment, at: number): void {
  core.events.emit({
    eventType: 'avi:jira:commented:issue',
    ...eventBase(core, caller.actor, issue, at),
    comment: eventComment(comment),
  });
}

export function addComment(core: JiraCore, caller: Caller, issue: Issue, input: CommentInput): Comment {
  requireIssuePermission(
    core,
    caller,
    issue,
    'ADD_COMMENTS',
    'You do not have the permission to comment on this issue.',
  );
  const body = parseBody(input.body);
  const visibility = parseVisibility(core, input.visibility);
  for (const { key, value } of input.properties) checkEntityProperty(key, value);
  const at = core.clock.tick();
  const comment: Comment = {
    id: core.store.nextId('comment'),
    issueId: issue.id,
    authorId: caller.actor.accountId,
    updateAuthorId: caller.actor.accountId,
    body,
    created: at,
    updated: at,
    ...(visibility ? { visibility } : {}),
    properties: new Map(input.properties.map(({ key, value }) => [key, value])),
  };
  core.store.comments.set(comment.id, comment);
  issue.updated = at;
  emitCommented(core, caller, issue, comment, at);
  // Adding a comment also fires an issue update, with no field changes in it.
  core.events.emit({
    eventType: 'avi:jira:updated:issue',
    ...eventBase(core, caller.actor, issue, at),
    jiraEventTypeName: 'issue_commented',
  });
  return comment;
}

/** Like Jira, an update without `visibility` makes the comment public: callers must send it again. */
export function updateComment(
  core: JiraCore,
  caller: Caller,
  issue: Issue,
  comment: Comment,
  input: CommentInput,
): Comment {
  requireCommentPermission(core, caller, comment, 'EDIT');
  const body = parseBody(input.body);
  const visibility = parseVisibility(core, input.visibility);
  for (const { key, value } of input.properties) checkEntityProperty(key, value);
  const at = core.clock.tick();
  comment.body = body;
  if (visibility) comment.visibility = visibility;
  else delete comment.visibility;
  for (const { key, value } of input.properties) comment.properties.set(key, value);
  comment.updated = at;
  comment.updateAuthorId = caller.actor.accountId;
  issue.updated = at;
  emitCommented(core, caller, issue, comment, at);
  return comment;
}

export function deleteComment(core: JiraCore, caller: Caller, issue: Issue, comment: Comment): void {
  requireCommentPermission(core, caller, comment, 'DELETE');
  const at = core.clock.tick();
  core.store.comments.delete(comment.id);
  issue.updated = at;
  core.events.emit({
    eventType: 'avi:jira:deleted:comment',
    ...eventBase(core, caller.actor, issue, at),
    comment: eventComment(comment),
  });
}
