// REST routes for issues: create, get, edit, delete and the changelog.
import { Router } from 'express';
import { z } from 'zod';
import { expandSet, IssueUpdateBody, PageQuery, parseInput, tokens } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { chargeIssueWrite } from '../http/write-limit';
import { renderChangeGroup, renderIssue, splitTokens } from '../render/issue';
import { createIssue, deleteIssue, editIssue, visibleIssue } from '../service/issues';
import { transitionIssue } from '../service/transitions';

const GetIssueQuery = z.object({ fields: tokens, expand: z.string().optional(), properties: tokens });
const EditIssueQuery = z.object({ returnIssue: z.boolean().default(false), expand: z.string().optional() });

export function issueRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.post(
    '/rest/api/3/issue',
    operation(env, 'createIssue', ({ caller, body }) => {
      const input = parseInput(IssueUpdateBody, body, 'body');
      const issue = createIssue(core, caller, input);
      if (input.transition?.id)
        transitionIssue(core, caller, issue, input.transition.id, { fields: {}, update: {} });
      return {
        status: 201,
        body: { id: issue.id, key: issue.key, self: `${core.baseUrl()}/rest/api/3/issue/${issue.id}` },
      };
    }),
  );

  router.get(
    '/rest/api/3/issue/:issueIdOrKey',
    operation(env, 'getIssue', ({ caller, params, query }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const q = parseInput(GetIssueQuery, query, 'query');
      return {
        status: 200,
        body: renderIssue(core, issue, {
          fields: splitTokens(q.fields),
          defaultFields: '*all',
          expand: expandSet(q.expand),
          ...(q.properties ? { properties: splitTokens(q.properties) } : {}),
        }),
      };
    }),
  );

  // Not called by the app: a user's edit, which fires avi:jira:updated:issue (the app's trigger).
  router.put(
    '/rest/api/3/issue/:issueIdOrKey',
    operation(env, 'editIssue', ({ caller, params, query, body }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const q = parseInput(EditIssueQuery, query, 'query');
      const input = parseInput(IssueUpdateBody, body, 'body');
      chargeIssueWrite(core, issue);
      editIssue(core, caller, issue, input);
      if (!q.returnIssue) return { status: 204 };
      return {
        status: 200,
        body: renderIssue(core, issue, { fields: [], defaultFields: '*all', expand: expandSet(q.expand) }),
      };
    }),
  );

  // Not called by the app: a user's delete, which fires avi:jira:deleted:issue (the app's trigger).
  router.delete(
    '/rest/api/3/issue/:issueIdOrKey',
    operation(env, 'deleteIssue', ({ caller, params }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      chargeIssueWrite(core, issue);
      deleteIssue(core, caller, issue);
      return { status: 204 };
    }),
  );

  router.get(
    '/rest/api/3/issue/:issueIdOrKey/changelog',
    operation(env, 'getChangeLogs', ({ caller, params, query }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const page = parseInput(
        PageQuery.extend({ maxResults: z.number().int().min(0).default(100) }),
        query,
        'query',
      );
      const values = issue.changelog.slice(page.startAt, page.startAt + page.maxResults);
      return {
        status: 200,
        body: {
          self: `${core.baseUrl()}/rest/api/3/issue/${issue.id}/changelog?startAt=${page.startAt}&maxResults=${page.maxResults}`,
          maxResults: page.maxResults,
          startAt: page.startAt,
          total: issue.changelog.length,
          isLast: page.startAt + values.length >= issue.changelog.length,
          values: values.map((group) => renderChangeGroup(core, group)),
        },
      };
    }),
  );

  return router;
}
