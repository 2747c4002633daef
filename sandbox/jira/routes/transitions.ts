// REST routes for workflow transitions: the transitions available on an issue, and performing one.
import { Router } from 'express';
import { z } from 'zod';
import { badRequest } from '../http/errors';
import { expandSet, IssueUpdateBody, parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { chargeIssueWrite } from '../http/write-limit';
import { renderStatus } from '../render/entities';
import { visibleIssue } from '../service/issues';
import { availableTransitions, transitionIssue } from '../service/transitions';

const TransitionsQuery = z.object({ expand: z.string().optional(), transitionId: z.string().optional() });

export function transitionRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  // Not called by the app: a user's status change, an avi:jira:updated:issue the app maps to ticket status.
  router.get(
    '/rest/api/3/issue/:issueIdOrKey/transitions',
    operation(env, 'getTransitions', ({ caller, params, query }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const q = parseInput(TransitionsQuery, query, 'query');
      const withFields = expandSet(q.expand).has('transitions.fields');
      const transitions = availableTransitions(core, caller, issue)
        .filter(({ transition }) => q.transitionId === undefined || transition.id === q.transitionId)
        .map(({ transition, target }) => ({
          id: transition.id,
          name: transition.name,
          to: renderStatus(core, target),
          hasScreen: false,
          isGlobal: transition.from === 'any',
          isInitial: false,
          isAvailable: true,
          isConditional: false,
          isLooped: false,
          ...(withFields ? { fields: {} } : {}),
        }));
      return { status: 200, body: { expand: 'transitions', transitions } };
    }),
  );

  router.post(
    '/rest/api/3/issue/:issueIdOrKey/transitions',
    operation(env, 'doTransition', ({ caller, params, body }) => {
      const issue = visibleIssue(core, caller, params.issueIdOrKey ?? '');
      const input = parseInput(IssueUpdateBody, body, 'body');
      const transitionId = input.transition?.id;
      if (!transitionId) throw badRequest(["Missing 'transition' identifier"]);
      chargeIssueWrite(core, issue);
      transitionIssue(core, caller, issue, transitionId, input);
      return { status: 204 };
    }),
  );

  return router;
}
