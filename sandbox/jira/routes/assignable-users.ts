// GET /rest/api/3/user/assignable/search: the users who can be assigned issues of a project (or of one issue), with
// Jira's paging quirk: it takes the users in [startAt, startAt + maxResults) up to the 1,000th, then keeps only the
// assignable ones, so a page is often shorter than maxResults while more follow
// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-assignable-search-get).
import { Router } from 'express';
import { z } from 'zod';
import { badRequest, forbidden, notFound } from '../http/errors';
import { parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { renderUser } from '../render/entities';
import { can, type JiraCore } from '../service/core';
import type { Caller } from '../service/issues';
import { visibleIssue } from '../service/issues';
import type { User } from '../state/types';

/** The operation never looks past this many users. */
const USER_WINDOW = 1000;

const AssignableQuery = z.looseObject({
  query: z.string().optional(),
  accountId: z.string().optional(),
  project: z.string().optional(),
  issueKey: z.string().optional(),
  issueId: z.string().optional(),
  startAt: z.number().int().min(0).default(0),
  maxResults: z.number().int().min(0).default(50),
});

/** `query` matches the start of the display name, of any word in it, or of the e-mail address. */
function matchesQuery(user: User, query: string | undefined): boolean {
  if (query === undefined || query.trim() === '') return true;
  const wanted = query.trim().toLowerCase();
  const name = user.displayName.toLowerCase();
  return (
    name.startsWith(wanted) ||
    name.split(/\s+/).some((word) => word.startsWith(wanted)) ||
    (user.emailAddress?.toLowerCase().startsWith(wanted) ?? false)
  );
}

function projectIdOf(core: JiraCore, caller: Caller, q: z.infer<typeof AssignableQuery>): string {
  const issueRef = q.issueId ?? q.issueKey;
  if (issueRef !== undefined) return visibleIssue(core, caller, issueRef).projectId;
  if (q.project === undefined)
    throw badRequest(['A project key or id, or an issue key or id, must be provided.']);
  const project = core.store.projectByIdOrKey(q.project);
  if (!project || !can(core, caller.actor, 'BROWSE_PROJECTS', project.id))
    throw notFound(`No project could be found with key '${q.project}'.`);
  return project.id;
}

export function assignableUserRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.get(
    '/rest/api/3/user/assignable/search',
    operation(env, 'findAssignableUsers', ({ caller, query }) => {
      const q = parseInput(AssignableQuery, query, 'query');
      const projectId = projectIdOf(core, caller, q);
      if (!can(core, caller.actor, 'ASSIGN_ISSUES', projectId))
        throw forbidden('You do not have permission to assign issues in this project.');
      // Users in a stable order (display name, then account id); app and customer accounts are never assignees.
      const candidates = [...core.store.users.values()]
        .filter((user) => (q.accountId === undefined ? true : user.accountId === q.accountId))
        .filter((user) => matchesQuery(user, q.query))
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.accountId.localeCompare(b.accountId));
      const range = candidates.slice(
        Math.min(q.startAt, USER_WINDOW),
        Math.min(q.startAt + q.maxResults, USER_WINDOW),
      );
      const assignable = range.filter(
        (user) =>
          user.active &&
          user.accountType === 'atlassian' &&
          can(core, { accountId: user.accountId, isApp: false }, 'ASSIGNABLE_USER', projectId),
      );
      return { status: 200, body: assignable.map((user) => renderUser(core, user)) };
    }),
  );

  return router;
}
