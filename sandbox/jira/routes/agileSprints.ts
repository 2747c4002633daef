// POST /rest/agile/1.0/sprint/{sprintId} with `{state: 'active' | 'closed'}`: starts or closes a sprint as the Jira
// Software REST API does (https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/#api-rest-agile-1-0-sprint-sprintid-post).
// The Agile API is not part of the vendored platform spec, so this route has no contract check (no operationId, no
// recorded violations); the app never calls it: it is here so a sprint can be closed over HTTP in `npm start`.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { badRequest, JiraError } from '../http/errors';
import type { HttpEnv } from '../http/operation';
import { noteOf } from '../http/notes';
import type { JiraCore } from '../service/core';
import { closeSprint, requireSprint, startSprint } from '../service/sprints';
import type { JsonObject } from '../state/json';
import type { Sprint } from '../state/types';

const SprintUpdate = z.looseObject({ state: z.enum(['future', 'active', 'closed']).optional() });
const SprintId = z.coerce.number().int().positive();

/** The Agile API's sprint bean: numbers for ids, ISO instants. */
function renderAgileSprint(core: JiraCore, sprint: Sprint): JsonObject {
  const iso = (ms: number | undefined): string | undefined =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  const startDate = iso(sprint.startDate);
  const endDate = iso(sprint.endDate);
  const completeDate = iso(sprint.completeDate);
  return {
    id: sprint.id,
    self: `${core.baseUrl()}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(startDate !== undefined ? { startDate } : {}),
    ...(endDate !== undefined ? { endDate } : {}),
    ...(completeDate !== undefined ? { completeDate } : {}),
    createdDate: new Date(sprint.created).toISOString(),
    originBoardId: sprint.originBoardId,
    goal: sprint.goal,
  };
}

function parseBody(req: Request): unknown {
  const raw: unknown = req.body;
  const text = typeof raw === 'string' ? raw : '';
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw badRequest(['The request body is not JSON.']);
  }
}

export function agileSprintRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.post('/rest/agile/1.0/sprint/:sprintId', (req: Request, res: Response) => {
    try {
      const actor = noteOf(req).actor;
      if (!actor) throw new JiraError(401, ['You are not authenticated.']);
      const id = SprintId.safeParse(req.params.sprintId);
      if (!id.success) throw badRequest([`Sprint id '${String(req.params.sprintId)}' is not a number.`]);
      const update = SprintUpdate.safeParse(parseBody(req));
      if (!update.success) throw badRequest([`state must be one of future, active, closed.`]);
      const sprint = requireSprint(core, id.data);
      const wanted = update.data.state;
      if (wanted === 'active' && sprint.state !== 'active') startSprint(core, sprint);
      else if (wanted === 'closed') closeSprint(core, actor, sprint);
      else if (wanted !== undefined && wanted !== sprint.state)
        throw badRequest([`A ${sprint.state} sprint cannot become ${wanted}.`]);
      res.status(200).json(renderAgileSprint(core, sprint));
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      res.status(error.status).json(error.body());
    }
  });

  return router;
}
