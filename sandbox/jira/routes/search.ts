// REST routes for JQL search: enhanced search (GET and POST /search/jql) and the approximate count.
import { Router } from 'express';
import { z } from 'zod';
import { badRequest } from '../http/errors';
import { expandSet, parseInput, tokens } from '../http/input';
import { operation, type HttpEnv, type OperationRequest, type OperationResponse } from '../http/operation';
import { renderIssue, splitTokens } from '../render/issue';
import { countIssues, searchIssues } from '../service/search';

const MAX_PROPERTIES = 5;

const SearchInput = z.object({
  jql: z.string().default(''),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().default(50),
  fields: tokens,
  expand: z.string().optional(),
  properties: tokens,
});

/** search/jql: nextPageToken paging, no `total`, no `startAt` (the spec's beans are closed). */
function search(env: HttpEnv, request: OperationRequest, input: unknown): OperationResponse {
  const { core } = env;
  const q = parseInput(SearchInput, input, 'body');
  const fields = splitTokens(q.fields);
  const properties = q.properties ? splitTokens(q.properties) : undefined;
  if (properties && properties.length > MAX_PROPERTIES) {
    throw badRequest([`At most ${MAX_PROPERTIES} issue properties can be requested.`]);
  }
  const expand = expandSet(q.expand);
  const page = searchIssues(core, request.caller, {
    jql: q.jql,
    maxResults: q.maxResults,
    idsOnly: fields.every((field) => field === 'id' || field === 'key'),
    ...(q.nextPageToken ? { nextPageToken: q.nextPageToken } : {}),
  });
  const issues = page.issues.map((issue) =>
    renderIssue(core, issue, { fields, defaultFields: 'id', expand, ...(properties ? { properties } : {}) }),
  );
  return {
    status: 200,
    body: {
      issues,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      isLast: page.nextPageToken === undefined,
    },
  };
}

const CountInput = z.object({ jql: z.string().default('') });

export function searchRoutes(env: HttpEnv): Router {
  const router = Router();
  router.post(
    '/rest/api/3/search/approximate-count',
    operation(env, 'countIssues', ({ caller, body }) => {
      const { jql } = parseInput(CountInput, body ?? {}, 'body');
      return { status: 200, body: { count: countIssues(env.core, caller, jql) } };
    }),
  );
  router.post(
    '/rest/api/3/search/jql',
    operation(env, 'searchAndReconsileIssuesUsingJqlPost', (request) =>
      search(env, request, request.body ?? {}),
    ),
  );
  // Not called by the app (it POSTs): Jira answers GET alike, and the snapshot test reads with it.
  router.get(
    '/rest/api/3/search/jql',
    operation(env, 'searchAndReconsileIssuesUsingJql', (request) => search(env, request, request.query)),
  );
  return router;
}
