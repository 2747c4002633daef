// REST routes for projects the app reads: search and get. Not served, as nothing calls them: a project's statuses per
// issue type and GET /issuetype/project (the app reads issue types from createmeta and the project).
import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { expandSet, parseInput, tokens } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { renderProject } from '../render/project';
import { can, type JiraCore } from '../service/core';
import type { Caller } from '../service/issues';
import type { Project } from '../state/types';

const SearchQuery = z.object({
  startAt: z.number().int().min(0).default(0),
  maxResults: z.number().int().min(0).default(50),
  orderBy: z.string().default('key'),
  keys: tokens,
  id: tokens,
  query: z.string().optional(),
  expand: z.string().optional(),
});

const browsable = (core: JiraCore, caller: Caller, project: Project): boolean =>
  can(core, caller.actor, 'BROWSE_PROJECTS', project.id);

export function projectRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  const visibleProject = (caller: Caller, ref: string): Project => {
    const project = core.store.projectByIdOrKey(ref);
    if (!project || !browsable(core, caller, project))
      throw notFound(`No project could be found with key '${ref}'.`);
    return project;
  };

  router.get(
    '/rest/api/3/project/search',
    operation(env, 'searchProjects', ({ caller, query }) => {
      const q = parseInput(SearchQuery, query, 'query');
      const keys = q.keys?.map((key) => key.toUpperCase());
      const text = q.query?.toLowerCase();
      const descending = q.orderBy.startsWith('-');
      const field = q.orderBy.replace(/^[-+]/, '') === 'name' ? 'name' : 'key';
      const all = [...core.store.projects.values()]
        .filter((project) => browsable(core, caller, project))
        .filter((project) => !keys || keys.includes(project.key))
        .filter((project) => !q.id || q.id.includes(project.id))
        .filter(
          (project) =>
            !text || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text),
        )
        .sort((a, b) => (descending ? -1 : 1) * a[field].localeCompare(b[field]));
      const values = all.slice(q.startAt, q.startAt + q.maxResults);
      const isLast = q.startAt + values.length >= all.length;
      const self = `${core.baseUrl()}/rest/api/3/project/search?startAt=${q.startAt}&maxResults=${q.maxResults}`;
      return {
        status: 200,
        body: {
          self,
          ...(isLast
            ? {}
            : {
                nextPage: `${core.baseUrl()}/rest/api/3/project/search?startAt=${q.startAt + values.length}&maxResults=${q.maxResults}`,
              }),
          maxResults: q.maxResults,
          startAt: q.startAt,
          total: all.length,
          isLast,
          values: values.map((project) =>
            renderProject(core, project, { issueTypes: expandSet(q.expand).has('issueTypes'), full: false }),
          ),
        },
      };
    }),
  );

  router.get(
    '/rest/api/3/project/:projectIdOrKey',
    operation(env, 'getProject', ({ caller, params }) => ({
      status: 200,
      body: renderProject(core, visibleProject(caller, params.projectIdOrKey ?? ''), {
        issueTypes: true,
        full: true,
      }),
    })),
  );

  return router;
}
