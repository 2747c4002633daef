// REST routes for issue comments: list, add, get, update, delete.
import { Router } from 'express';
import { z } from 'zod';
import { CommentBody, expandSet, parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { chargeIssueWrite } from '../http/write-limit';
import { renderComment, type CommentRenderOptions } from '../render/comment';
import { addComment, deleteComment, updateComment, visibleComment } from '../service/comments';
import { visibleIssue } from '../service/issues';

const ListQuery = z.object({
  startAt: z.number().int().min(0).default(0),
  maxResults: z.number().int().min(0).default(100),
  orderBy: z.enum(['created', '-created', '+created']).default('created'),
  expand: z.string().optional(),
});
const ExpandQuery = z.object({ expand: z.string().optional() });

function renderOptions(expand: string | undefined): CommentRenderOptions {
  const names = expandSet(expand);
  return { properties: names.has('properties'), renderedBody: names.has('renderedBody') };
}

export function commentRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.get(
    '/rest/api/3/issue/:issueIdOrKey/comment',
    operation(env, 'getComments', ({ caller, params, query }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const q = parseInput(ListQuery, query, 'query');
      const all = core.store.commentsOf(issue.id);
      if (q.orderBy === '-created') all.reverse();
      const page = all.slice(q.startAt, q.startAt + q.maxResults);
      return {
        status: 200,
        body: {
          startAt: q.startAt,
          maxResults: q.maxResults,
          total: all.length,
          comments: page.map((comment) => renderComment(core, comment, renderOptions(q.expand))),
        },
      };
    }),
  );

  router.post(
    '/rest/api/3/issue/:issueIdOrKey/comment',
    operation(env, 'addComment', ({ caller, params, query, body }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const q = parseInput(ExpandQuery, query, 'query');
      const input = parseInput(CommentBody, body, 'body');
      chargeIssueWrite(core, issue);
      const comment = addComment(core, caller, issue, input);
      return { status: 201, body: renderComment(core, comment, renderOptions(q.expand)) };
    }),
  );

  router.get(
    '/rest/api/3/issue/:issueIdOrKey/comment/:id',
    operation(env, 'getComment', ({ caller, params, query }) => {
      const { comment } = visibleComment(core, caller, params.issueIdOrKey ?? '', params.id ?? '');
      const q = parseInput(ExpandQuery, query, 'query');
      return { status: 200, body: renderComment(core, comment, renderOptions(q.expand)) };
    }),
  );

  // Not called by the app: a user's edit, which fires avi:jira:commented:issue again (the app's trigger).
  router.put(
    '/rest/api/3/issue/:issueIdOrKey/comment/:id',
    operation(env, 'updateComment', ({ caller, params, query, body }) => {
      const { issue, comment } = visibleComment(core, caller, params.issueIdOrKey ?? '', params.id ?? '');
      const q = parseInput(ExpandQuery, query, 'query');
      const input = parseInput(CommentBody, body, 'body');
      chargeIssueWrite(core, issue);
      const updated = updateComment(core, caller, issue, comment, input);
      return { status: 200, body: renderComment(core, updated, renderOptions(q.expand)) };
    }),
  );

  // Not called by the app: a user deleting a comment, possibly one the app copied.
  router.delete(
    '/rest/api/3/issue/:issueIdOrKey/comment/:id',
    operation(env, 'deleteComment', ({ caller, params }) => {
      const { issue, comment } = visibleComment(core, caller, params.issueIdOrKey ?? '', params.id ?? '');
      chargeIssueWrite(core, issue);
      deleteComment(core, caller, issue, comment);
      return { status: 204 };
    }),
  );

  return router;
}
