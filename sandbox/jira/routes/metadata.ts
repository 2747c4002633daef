// REST routes for site metadata the app reads: server info, statuses, fields and issue types. Not served, as nothing
// calls it: GET /priority (a 501 would name a caller).
import { Router } from 'express';
import { operation, type HttpEnv } from '../http/operation';
import { renderIssueType, renderStatus } from '../render/entities';
import { fieldCatalog } from '../service/field-catalog';

export function metadataRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.get(
    '/rest/api/3/serverInfo',
    operation(env, 'getServerInfo', () => ({
      status: 200,
      body: {
        baseUrl: core.baseUrl(),
        deploymentType: 'Cloud',
        serverTitle: 'Jira (sandbox)',
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
      },
    })),
  );

  router.get(
    '/rest/api/3/status',
    operation(env, 'getStatuses', () => ({
      status: 200,
      body: [...core.store.statuses.values()].map((status) => renderStatus(core, status)),
    })),
  );

  router.get(
    '/rest/api/3/field',
    operation(env, 'getFields', () => ({
      status: 200,
      body: fieldCatalog(core).map((field) => ({
        id: field.id,
        key: field.id,
        name: field.name,
        custom: field.custom,
        orderable: field.orderable,
        navigable: field.navigable,
        searchable: field.searchable,
        clauseNames: field.clauseNames,
        schema: field.schema,
      })),
    })),
  );

  router.get(
    '/rest/api/3/issuetype',
    operation(env, 'getIssueAllTypes', () => ({
      status: 200,
      body: [...core.store.issueTypes.values()].map((type) => renderIssueType(core, type)),
    })),
  );

  return router;
}
