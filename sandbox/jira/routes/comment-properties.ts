// REST routes for comment entity properties (list keys, get, set, delete): the app marks the comments it writes.
import { Router } from 'express';
import { notFound } from '../http/errors';
import { parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { chargeIssueWrite } from '../http/write-limit';
import { requireCommentPermission, visibleCommentById } from '../service/comments';
import { checkEntityProperty } from '../service/properties';
import { JsonSchema } from '../state/json';

export function commentPropertyRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();
  const base = (commentId: string): string => `${core.baseUrl()}/rest/api/3/comment/${commentId}/properties`;

  // Not called by the app (it reads them with expand=properties): how JSM marks a comment internal later.
  router.get(
    '/rest/api/3/comment/:commentId/properties',
    operation(env, 'getCommentPropertyKeys', ({ caller, params }) => {
      const { comment } = visibleCommentById(core, caller, params.commentId ?? '');
      return {
        status: 200,
        body: {
          keys: [...comment.properties.keys()].map((key) => ({
            key,
            self: `${base(comment.id)}/${encodeURIComponent(key)}`,
          })),
        },
      };
    }),
  );

  router.get(
    '/rest/api/3/comment/:commentId/properties/:propertyKey',
    operation(env, 'getCommentProperty', ({ caller, params }) => {
      const { comment } = visibleCommentById(core, caller, params.commentId ?? '');
      const key = params.propertyKey ?? '';
      const value = comment.properties.get(key);
      if (value === undefined) throw notFound(`The property with key '${key}' does not exist.`);
      return { status: 200, body: { key, value } };
    }),
  );

  router.put(
    '/rest/api/3/comment/:commentId/properties/:propertyKey',
    operation(env, 'setCommentProperty', ({ caller, params, body }) => {
      const { issue, comment } = visibleCommentById(core, caller, params.commentId ?? '');
      requireCommentPermission(core, caller, comment, 'EDIT');
      const key = params.propertyKey ?? '';
      const value = parseInput(JsonSchema, body, 'body');
      checkEntityProperty(key, value);
      chargeIssueWrite(core, issue);
      const existed = comment.properties.has(key);
      comment.properties.set(key, value);
      return { status: existed ? 200 : 201 };
    }),
  );

  router.delete(
    '/rest/api/3/comment/:commentId/properties/:propertyKey',
    operation(env, 'deleteCommentProperty', ({ caller, params }) => {
      const { issue, comment } = visibleCommentById(core, caller, params.commentId ?? '');
      requireCommentPermission(core, caller, comment, 'EDIT');
      const key = params.propertyKey ?? '';
      if (!comment.properties.has(key)) throw notFound(`The property with key '${key}' does not exist.`);
      chargeIssueWrite(core, issue);
      comment.properties.delete(key);
      return { status: 204 };
    }),
  );

  return router;
}
