// Project versions over REST: get one, list a project's, create, update (release / unrelease)
// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/).
import { Router } from 'express';
import { z } from 'zod';
import { badRequest, fieldErrors, notFound } from '../http/errors';
import { expandSet, parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { renderVersion } from '../render/version';
import { can, type JiraCore } from '../service/core';
import type { Caller } from '../service/issues';
import { createVersion, updateVersion, visibleVersion, type VersionChanges } from '../service/versions';
import type { JsonObject } from '../state/json';
import type { Project, Version } from '../state/types';

const ExpandQuery = z.object({ expand: z.string().optional() });

/** The spec's `Version` as a request: read-only members (`self`, `id`, `overdue`, …) are accepted and ignored. */
const VersionBody = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  archived: z.boolean().optional(),
  released: z.boolean().optional(),
  releaseDate: z.string().optional(),
  startDate: z.string().optional(),
  projectId: z.number().int().optional(),
  project: z.string().optional(),
  moveUnfixedIssuesTo: z.string().optional(),
});
type VersionBody = z.infer<typeof VersionBody>;

function changesOf(body: VersionBody): VersionChanges {
  if (body.moveUnfixedIssuesTo !== undefined) {
    // Jira moves the version's unresolved issues on release; the emulator does not model that move.
    throw badRequest(['moveUnfixedIssuesTo is not supported by the Jira emulator.']);
  }
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.archived !== undefined ? { archived: body.archived } : {}),
    ...(body.released !== undefined ? { released: body.released } : {}),
    ...(body.releaseDate !== undefined ? { releaseDate: body.releaseDate } : {}),
    ...(body.startDate !== undefined ? { startDate: body.startDate } : {}),
  };
}

/** `expand=issuesstatus`: the version's issues counted by status category. */
function issuesStatus(core: JiraCore, project: Project, version: Version): JsonObject {
  const counts = { toDo: 0, inProgress: 0, done: 0, unmapped: 0 };
  for (const issue of core.store.issues.values()) {
    const fixVersions = issue.values.get('fixVersions');
    if (issue.projectId !== project.id || !Array.isArray(fixVersions) || !fixVersions.includes(version.id))
      continue;
    const category = core.store.requireStatus(issue.statusId).category;
    if (category === 'new') counts.toDo += 1;
    else if (category === 'indeterminate') counts.inProgress += 1;
    else counts.done += 1;
  }
  return counts;
}

function render(core: JiraCore, project: Project, version: Version, expand: Set<string>): JsonObject {
  return {
    ...renderVersion(core, project, version),
    ...(expand.has('issuesstatus')
      ? { issuesStatusForFixVersion: issuesStatus(core, project, version) }
      : {}),
  };
}

export function versionRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  const visibleProject = (caller: Caller, ref: string): Project => {
    const project = core.store.projectByIdOrKey(ref);
    if (!project || !can(core, caller.actor, 'BROWSE_PROJECTS', project.id))
      throw notFound(`No project could be found with key '${ref}'.`);
    return project;
  };

  // Not called by the app: how an admin or a release tool releases a version, firing the release flow's event.
  router.get(
    '/rest/api/3/version/:id',
    operation(env, 'getVersion', ({ caller, params, query }) => {
      const { project, version } = visibleVersion(core, caller, params.id ?? '');
      const expand = expandSet(parseInput(ExpandQuery, query, 'query').expand);
      return { status: 200, body: render(core, project, version, expand) };
    }),
  );

  router.get(
    '/rest/api/3/project/:projectIdOrKey/versions',
    operation(env, 'getProjectVersions', ({ caller, params, query }) => {
      const project = visibleProject(caller, params.projectIdOrKey ?? '');
      const expand = expandSet(parseInput(ExpandQuery, query, 'query').expand);
      return { status: 200, body: project.versions.map((v) => render(core, project, v, expand)) };
    }),
  );

  router.post(
    '/rest/api/3/version',
    operation(env, 'createVersion', ({ caller, body }) => {
      const input = parseInput(VersionBody, body, 'body');
      const projectRef = input.projectId !== undefined ? String(input.projectId) : input.project;
      if (projectRef === undefined) throw fieldErrors({ project: 'You must specify a valid project.' });
      const project = visibleProject(caller, projectRef);
      const changes = changesOf(input);
      if (changes.name === undefined) throw fieldErrors({ name: 'You must specify a valid version name' });
      const version = createVersion(core, caller, project, { ...changes, name: changes.name });
      return { status: 201, body: renderVersion(core, project, version) };
    }),
  );

  router.put(
    '/rest/api/3/version/:id',
    operation(env, 'updateVersion', ({ caller, params, body }) => {
      const found = visibleVersion(core, caller, params.id ?? '');
      updateVersion(core, caller, found, changesOf(parseInput(VersionBody, body, 'body')));
      return { status: 200, body: renderVersion(core, found.project, found.version) };
    }),
  );

  return router;
}
