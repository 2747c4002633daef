// REST routes for users: /myself, one user by account id, and /mypermissions.
import { Router } from 'express';
import { z } from 'zod';
import { badRequest, notFound } from '../http/errors';
import { parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { renderUser } from '../render/entities';
import { can } from '../service/core';
import { visibleIssue } from '../service/issues';
import { isPermissionKey, PERMISSIONS, type PermissionKey } from '../state/permissions';

const UserQuery = z.object({ accountId: z.string().optional() });
const PermissionsQuery = z.object({
  permissions: z.string().optional(),
  projectKey: z.string().optional(),
  projectId: z.string().optional(),
  issueKey: z.string().optional(),
  issueId: z.string().optional(),
});

export function userRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  // Not called by the app: the simplest authenticated read, which the fault and auth tests send.
  router.get(
    '/rest/api/3/myself',
    operation(env, 'getCurrentUser', ({ caller }) => {
      const user = core.store.users.get(caller.actor.accountId);
      if (!user) throw notFound('The current principal has no user record.');
      return { status: 200, body: renderUser(core, user) };
    }),
  );

  router.get(
    '/rest/api/3/user',
    operation(env, 'getUser', ({ query }) => {
      const { accountId } = parseInput(UserQuery, query, 'query');
      if (!accountId) throw badRequest(['The accountId query parameter needs to be provided.']);
      const user = core.store.users.get(accountId);
      if (!user) throw notFound(`Specified user does not exist or you do not have required permissions`);
      return { status: 200, body: renderUser(core, user) };
    }),
  );

  router.get(
    '/rest/api/3/mypermissions',
    operation(env, 'getMyPermissions', ({ caller, query }) => {
      const q = parseInput(PermissionsQuery, query, 'query');
      if (!q.permissions) throw badRequest(["The 'permissions' query parameter is required."]);
      const requested = q.permissions
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== '');
      const unknown = requested.filter((key) => !isPermissionKey(key));
      if (unknown.length > 0) throw badRequest([`Permission '${unknown.join("', '")}' does not exist.`]);
      const keys = requested.filter(isPermissionKey);

      let projectId: string | undefined;
      const issueRef = q.issueId ?? q.issueKey;
      const projectRef = q.projectId ?? q.projectKey;
      if (issueRef !== undefined) projectId = visibleIssue(core, caller, issueRef).projectId;
      else if (projectRef !== undefined) {
        const project = core.store.projectByIdOrKey(projectRef);
        if (!project) throw notFound(`No project could be found with key '${projectRef}'.`);
        projectId = project.id;
      }

      const entry = (key: PermissionKey): [string, Record<string, string | boolean>] => {
        const definition = PERMISSIONS[key];
        return [
          key,
          {
            id: definition.id,
            key,
            name: definition.name,
            type: definition.type,
            description: definition.description,
            havePermission: can(core, caller.actor, key, projectId),
          },
        ];
      };
      return { status: 200, body: { permissions: Object.fromEntries(keys.map(entry)) } };
    }),
  );

  return router;
}
