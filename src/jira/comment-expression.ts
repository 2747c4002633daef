// The one Jira read behind an outbound comment (issue 18): a Jira expression evaluated in the issue's context answers
// the issue's key and security level and the comment's body, author, dates, visibility and the two properties the
// sync checks (JSM's internal flag, the app's own mark), instead of GET comment plus GET issue. What the expression
// can and cannot see, and what it costs, is in docs/jira-limits.md §5.
import { route } from '@forge/api';
import type { z } from 'zod';
import { APP_COMMENT_PROPERTY } from '../domain/echo';
import type { JiraComment } from '../domain/jira';
import { JSM_PUBLIC_PROPERTY } from '../domain/privacy';
import { IntegrationError } from '../lib/errors';
import type { CommentForSync } from '../sync/records/jira';
import type { JiraHttp } from './http';
import { commentForSyncAnswerSchema } from './schemas';

const DIGITS = /^[1-9][0-9]{0,17}$/;

/**
 * The request body for POST /rest/api/3/expression/evaluate, or undefined when an id is not a Jira id (a number):
 * the comment id is written into the expression, so only digits ever are. `issue.comments` loads every comment of
 * the issue (one expensive operation) and the filter walks them (three steps each, against Jira's 10,000): the
 * adapter reads over REST instead when Jira refuses the expression, e.g. on an issue with thousands of comments.
 */
export function commentForSyncRequest(
  issueId: string,
  commentId: string,
): { expression: string; context: { issue: { id: number } } } | undefined {
  if (!DIGITS.test(issueId) || !DIGITS.test(commentId)) return undefined;
  const property = (key: string): string => `c.properties[${JSON.stringify(key)}]`;
  const expression =
    '{key:issue.key,secured:issue.securityLevel!=null,securityLevel:issue.securityLevel?.name,' +
    `comments:issue.comments.filter(c=>c.id==${commentId}).map(c=>{id:c.id,accountId:c.author?.accountId,` +
    'displayName:c.author?.displayName,body:c.body,created:c.created.toISOString(),' +
    `updated:c.updated.toISOString(),visibility:c.visibility,jsm:${property(JSM_PUBLIC_PROPERTY)},` +
    `app:${property(APP_COMMENT_PROPERTY)}})}`;
  return { expression, context: { issue: { id: Number(issueId) } } };
}

/**
 * Evaluates the expression as the app. `undefined`: the issue does not exist or the app may not browse it (Jira's
 * 404). `'not-understood'`: Jira refused the expression (400: a property it does not know, a complexity limit) or
 * answered something the schema does not accept; the caller then reads over REST. Other failures throw as reads do
 * (a lost answer is retried inside JiraHttp: evaluating changes nothing).
 */
export async function evaluateCommentForSync(
  http: JiraHttp,
  issueId: string,
  commentId: string,
): Promise<CommentForSync | 'not-understood' | undefined> {
  const body = commentForSyncRequest(issueId, commentId);
  if (body === undefined) return 'not-understood';
  let raw: unknown;
  try {
    raw = await http.request('app', route`/rest/api/3/expression/evaluate`, {
      method: 'POST',
      idempotent: true,
      body,
    });
  } catch (error) {
    if (error instanceof IntegrationError && error.kind === 'not-found') return undefined;
    if (error instanceof IntegrationError && error.kind === 'validation' && error.details.status === 400)
      return 'not-understood';
    throw error;
  }
  const answer = commentForSyncAnswerSchema.safeParse(raw);
  return answer.success ? toCommentForSync(issueId, answer.data) : 'not-understood';
}

/** The evaluated answer in the sync's terms; a property the answer reads as null is a property the comment lacks. */
export function toCommentForSync(
  issueId: string,
  answer: z.infer<typeof commentForSyncAnswerSchema>,
): CommentForSync {
  const { value } = answer;
  const found = value.comments[0];
  const comment: JiraComment | undefined = found && {
    id: found.id,
    issueId,
    authorAccountId: found.accountId ?? null,
    authorName: found.displayName ?? 'Unknown user',
    body: found.body,
    created: found.created,
    updated: found.updated,
    visibility: found.visibility,
    // Not asked for: JSM keeps the internal flag in the sd.public.comment property, which is (domain/privacy).
    jsdPublic: undefined,
    properties: {
      ...(found.jsm !== null && found.jsm !== undefined ? { [JSM_PUBLIC_PROPERTY]: found.jsm } : {}),
      ...(found.app !== null && found.app !== undefined ? { [APP_COMMENT_PROPERTY]: found.app } : {}),
    },
  };
  return {
    issue: {
      key: value.key,
      // Fail closed: either sign of a level counts, and a level the answer does not name is still a level.
      securityLevel:
        value.secured || (value.securityLevel !== null && value.securityLevel !== undefined)
          ? (value.securityLevel ?? 'unnamed')
          : null,
    },
    comment,
  };
}
