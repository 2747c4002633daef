// REST routes for create metadata: the issue types of a project and the fields of one type's create screen.
import { Router } from 'express';
import { forbidden, notFound } from '../http/errors';
import { PageQuery, parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { renderIssueType, renderPriority, renderProjectRef } from '../render/entities';
import { can, type JiraCore } from '../service/core';
import { screenFields } from '../service/field-catalog';
import type { Caller } from '../service/issues';
import type { Json, JsonObject } from '../state/json';
import type { Project } from '../state/types';

function visibleProject(core: JiraCore, caller: Caller, ref: string): Project {
  const project = core.store.projectByIdOrKey(ref);
  if (!project || !can(core, caller.actor, 'BROWSE_PROJECTS', project.id)) {
    throw notFound(`No project could be found with key '${ref}'.`);
  }
  if (!can(core, caller.actor, 'CREATE_ISSUES', project.id)) {
    throw forbidden('You do not have permission to create issues in this project.');
  }
  return project;
}

function createMetaFields(core: JiraCore, project: Project, issueTypeId: string): JsonObject[] {
  const type = core.store.requireIssueType(issueTypeId);
  const fixed: JsonObject[] = [
    {
      required: true,
      schema: { type: 'issuetype', system: 'issuetype' },
      name: 'Issue Type',
      key: 'issuetype',
      fieldId: 'issuetype',
      hasDefaultValue: false,
      operations: [],
      allowedValues: [renderIssueType(core, type)],
    },
    {
      required: true,
      schema: { type: 'project', system: 'project' },
      name: 'Project',
      key: 'project',
      fieldId: 'project',
      hasDefaultValue: false,
      operations: ['set'],
      allowedValues: [renderProjectRef(core, project)],
    },
  ];
  const screen = screenFields(core, project, issueTypeId).map(({ definition, required }): JsonObject => {
    const allowed: Json[] | undefined = definition.allowedValues?.(core, project);
    const multi = definition.writer?.item !== undefined;
    const priority = core.store.priorities.get(core.store.defaultPriorityId);
    const defaultValue: Json | undefined =
      definition.id === 'priority' && priority ? renderPriority(core, priority) : undefined;
    return {
      required,
      schema: definition.schema,
      name: definition.name,
      key: definition.id,
      fieldId: definition.id,
      ...(definition.autoCompleteUrl ? { autoCompleteUrl: definition.autoCompleteUrl(core) } : {}),
      hasDefaultValue: defaultValue !== undefined || definition.id === 'reporter',
      operations: multi ? ['add', 'set', 'remove'] : ['set'],
      ...(allowed ? { allowedValues: allowed } : {}),
      ...(defaultValue !== undefined ? { defaultValue } : {}),
    };
  });
  return [...fixed, ...screen];
}

export function createMetaRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.get(
    '/rest/api/3/issue/createmeta/:projectIdOrKey/issuetypes',
    operation(env, 'getCreateIssueMetaIssueTypes', ({ caller, params, query }) => {
      const project = visibleProject(core, caller, params.projectIdOrKey ?? '');
      const page = parseInput(PageQuery, query, 'query');
      const all = project.issueTypeIds.map((id) => renderIssueType(core, core.store.requireIssueType(id)));
      return {
        status: 200,
        body: {
          issueTypes: all.slice(page.startAt, page.startAt + page.maxResults),
          maxResults: page.maxResults,
          startAt: page.startAt,
          total: all.length,
        },
      };
    }),
  );

  router.get(
    '/rest/api/3/issue/createmeta/:projectIdOrKey/issuetypes/:issueTypeId',
    operation(env, 'getCreateIssueMetaIssueTypeId', ({ caller, params, query }) => {
      const project = visibleProject(core, caller, params.projectIdOrKey ?? '');
      const issueTypeId = params.issueTypeId ?? '';
      if (!project.issueTypeIds.includes(issueTypeId)) {
        throw notFound(`Issue type with id '${issueTypeId}' does not exist in project ${project.key}.`);
      }
      const page = parseInput(PageQuery, query, 'query');
      const all = createMetaFields(core, project, issueTypeId);
      return {
        status: 200,
        body: {
          fields: all.slice(page.startAt, page.startAt + page.maxResults),
          maxResults: page.maxResults,
          startAt: page.startAt,
          total: all.length,
        },
      };
    }),
  );

  return router;
}
