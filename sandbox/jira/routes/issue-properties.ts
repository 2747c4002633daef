// REST routes for issue entity properties (list keys, get, set, delete): the app's links property and origin marker.
import { Router } from 'express';
import { notFound } from '../http/errors';
import { parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { chargeIssueWrite } from '../http/write-limit';
import { requireIssuePermission, visibleIssue } from '../service/issues';
import { checkEntityProperty } from '../service/properties';
import { JsonSchema } from '../state/json';

const noProperty = (key: string): Error => notFound(`The property with key '${key}' does not exist.`);

export function issuePropertyRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  // Not called by the app: the key list, which tests read to see every property on an issue.
  router.get(
    '/rest/api/3/issue/:issueIdOrKey/properties',
    operation(env, 'getIssuePropertyKeys', ({ caller, params }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const self = (key: string): string =>
        `${core.baseUrl()}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`;
      return {
        status: 200,
        body: { keys: [...issue.properties.keys()].map((key) => ({ key, self: self(key) })) },
      };
    }),
  );

  router.get(
    '/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey',
    operation(env, 'getIssueProperty', ({ caller, params }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const key = params.propertyKey ?? '';
      const value = issue.properties.get(key);
      if (value === undefined) throw noProperty(key);
      return { status: 200, body: { key, value } };
    }),
  );

  router.put(
    '/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey',
    operation(env, 'setIssueProperty', ({ caller, params, body }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      requireIssuePermission(
        core,
        caller,
        issue,
        'EDIT_ISSUES',
        'You do not have permission to edit issues in this project.',
      );
      const key = params.propertyKey ?? '';
      const value = parseInput(JsonSchema, body, 'body');
      checkEntityProperty(key, value);
      chargeIssueWrite(core, issue);
      const existed = issue.properties.has(key);
      issue.properties.set(key, value);
      return { status: existed ? 200 : 201 };
    }),
  );

  router.delete(
    '/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey',
    operation(env, 'deleteIssueProperty', ({ caller, params }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      requireIssuePermission(
        core,
        caller,
        issue,
        'EDIT_ISSUES',
        'You do not have permission to edit issues in this project.',
      );
      const key = params.propertyKey ?? '';
      if (!issue.properties.has(key)) throw noProperty(key);
      chargeIssueWrite(core, issue);
      issue.properties.delete(key);
      return { status: 204 };
    }),
  );

  return router;
}
