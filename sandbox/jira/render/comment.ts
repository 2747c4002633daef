// Renders a stored comment as Jira's Comment bean (ADF body, visibility, JSM internal flag, properties).
import { z } from 'zod';
import { adfToText } from '../service/adf-text';
import type { JiraCore } from '../service/core';
import { formatJiraDate } from '../state/clock';
import type { JsonObject } from '../state/json';
import type { Comment } from '../state/types';
import { renderUserDetails } from './entities';

/** The JSM property that marks an internal note; `{internal: true}` hides the comment from customers. */
export const JSM_PUBLIC_COMMENT_PROPERTY = 'sd.public.comment';

const InternalFlag = z.object({ internal: z.boolean() });

export function isJsdPublic(comment: Comment): boolean {
  const flag = InternalFlag.safeParse(comment.properties.get(JSM_PUBLIC_COMMENT_PROPERTY));
  return !(flag.success && flag.data.internal);
}

export interface CommentRenderOptions {
  properties?: boolean;
  renderedBody?: boolean;
}

function requireUser(core: JiraCore, accountId: string): JsonObject {
  const user = core.store.users.get(accountId);
  if (!user) throw new Error(`Jira emulator state is inconsistent: unknown user ${accountId}`);
  return renderUserDetails(core, user);
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderComment(
  core: JiraCore,
  comment: Comment,
  options: CommentRenderOptions = {},
): JsonObject {
  return {
    self: `${core.baseUrl()}/rest/api/3/issue/${comment.issueId}/comment/${comment.id}`,
    id: comment.id,
    author: requireUser(core, comment.authorId),
    body: comment.body,
    ...(options.renderedBody ? { renderedBody: `<p>${escapeHtml(adfToText(comment.body) ?? '')}</p>` } : {}),
    updateAuthor: requireUser(core, comment.updateAuthorId),
    created: formatJiraDate(comment.created),
    updated: formatJiraDate(comment.updated),
    ...(comment.visibility
      ? {
          visibility: {
            type: comment.visibility.type,
            value: comment.visibility.value,
            identifier: comment.visibility.value,
          },
        }
      : {}),
    jsdPublic: isJsdPublic(comment),
    ...(options.properties
      ? { properties: [...comment.properties.entries()].map(([key, value]) => ({ key, value })) }
      : {}),
  };
}
