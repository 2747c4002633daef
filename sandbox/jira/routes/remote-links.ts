// REST routes for remote issue links, the three the app calls: list (or one by global id), create or update by
// global id, delete by global id. The link-id operations are not served (nothing calls them: a 501 names any caller).
import { Router } from 'express';
import { z } from 'zod';
import { badRequest, notFound } from '../http/errors';
import { parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { chargeIssueWrite } from '../http/write-limit';
import type { JiraCore } from '../service/core';
import { requireIssuePermission, visibleIssue, type Caller } from '../service/issues';
import { removeRemoteLinks, upsertRemoteLink, type RemoteLinkInput } from '../service/remote-links';
import { JsonSchema, type JsonObject } from '../state/json';
import type { Issue, RemoteLink } from '../state/types';

const RemoteLinkBody = z.looseObject({
  globalId: z.string().optional(),
  application: JsonSchema.optional(),
  relationship: z.string().optional(),
  object: JsonSchema,
});
const GlobalIdQuery = z.object({ globalId: z.string().optional() });

function toInput(body: z.infer<typeof RemoteLinkBody>): RemoteLinkInput {
  return {
    object: body.object,
    ...(body.globalId !== undefined ? { globalId: body.globalId } : {}),
    ...(body.application !== undefined ? { application: body.application } : {}),
    ...(body.relationship !== undefined ? { relationship: body.relationship } : {}),
  };
}

function render(core: JiraCore, issue: Issue, link: RemoteLink): JsonObject {
  return {
    id: link.id,
    self: `${core.baseUrl()}/rest/api/3/issue/${issue.id}/remotelink/${link.id}`,
    ...(link.globalId !== undefined ? { globalId: link.globalId } : {}),
    application: link.application ?? {},
    ...(link.relationship !== undefined ? { relationship: link.relationship } : {}),
    object: link.object,
  };
}

function writableIssue(env: HttpEnv, caller: Caller, ref: string): Issue {
  const issue = visibleIssue(env.core, caller, ref);
  requireIssuePermission(
    env.core,
    caller,
    issue,
    'LINK_ISSUES',
    'You do not have permission to link issues in this project.',
  );
  chargeIssueWrite(env.core, issue);
  return issue;
}

export function remoteLinkRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.get(
    '/rest/api/3/issue/:issueIdOrKey/remotelink',
    operation(env, 'getRemoteIssueLinks', ({ caller, params, query }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const { globalId } = parseInput(GlobalIdQuery, query, 'query');
      if (globalId === undefined)
        return { status: 200, body: issue.remoteLinks.map((link) => render(core, issue, link)) };
      const link = issue.remoteLinks.find((candidate) => candidate.globalId === globalId);
      if (!link) throw notFound(`No remote link with globalId '${globalId}' on issue ${issue.key}.`);
      return { status: 200, body: render(core, issue, link) };
    }),
  );

  router.post(
    '/rest/api/3/issue/:issueIdOrKey/remotelink',
    operation(env, 'createOrUpdateRemoteIssueLink', ({ caller, params, body }) => {
      const input = toInput(parseInput(RemoteLinkBody, body, 'body'));
      const issue = writableIssue(env, caller, params.issueIdOrKey ?? '');
      const { link, created } = upsertRemoteLink(core, issue, input);
      return {
        status: created ? 201 : 200,
        body: { id: link.id, self: `${core.baseUrl()}/rest/api/3/issue/${issue.id}/remotelink/${link.id}` },
      };
    }),
  );

  router.delete(
    '/rest/api/3/issue/:issueIdOrKey/remotelink',
    operation(env, 'deleteRemoteIssueLinkByGlobalId', ({ caller, params, query }) => {
      const { globalId } = parseInput(GlobalIdQuery, query, 'query');
      if (globalId === undefined) throw badRequest(['The globalId query parameter is required.']);
      const issue = writableIssue(env, caller, params.issueIdOrKey ?? '');
      if (removeRemoteLinks(issue, (link) => link.globalId === globalId) === 0) {
        throw notFound(`No remote link with globalId '${globalId}' on issue ${issue.key}.`);
      }
      return { status: 204 };
    }),
  );

  return router;
}
