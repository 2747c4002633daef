// POST /rest/api/3/expression/evaluate (evaluateJSISJiraExpression), the operation Atlassian keeps while the older
// POST /rest/api/3/expression/eval is removed (CHANGE-2046, in the vendored spec). Expressions run against the same
// state the REST routes read; permissions are Jira's: an issue the caller cannot browse is the documented 404.
import { Router } from 'express';
import { z } from 'zod';
import { badRequest } from '../http/errors';
import { expandSet, parseInput } from '../http/input';
import { operation, type HttpEnv } from '../http/operation';
import { visibleIssue } from '../service/issues';
import { COMPLEXITY_LIMITS, COMPLEXITY_MEASURES, evaluateExpression } from './evaluate';
import { ExpressionError, toJiraError } from './errors';
import { IssueValue, userValue, type Value } from './values';

const IssueRef = z.object({ id: z.number().int().optional(), key: z.string().optional() });
const EvaluateBody = z.object({
  expression: z.string(),
  context: z.record(z.string(), z.unknown()).default({}),
});

/** The context variables the emulator models; the others the spec lists are refused by name. */
const MODELLED_CONTEXT = new Set(['issue']);

export function expressionRoutes(env: HttpEnv): Router {
  const { core } = env;
  const router = Router();

  router.post(
    '/rest/api/3/expression/evaluate',
    operation(env, 'evaluateJSISJiraExpression', ({ caller, query, body }) => {
      const input = parseInput(EvaluateBody, body, 'body');
      const expand = expandSet(query.expand);
      const unmodelled = Object.keys(input.context).filter((name) => !MODELLED_CONTEXT.has(name));
      if (unmodelled.length > 0) {
        throw badRequest([
          `The Jira emulator evaluates expressions with the issue context only; not modelled: ${unmodelled.join(', ')}.`,
        ]);
      }
      const variables = new Map<string, Value>([['user', userValue(core, caller.actor.accountId)]]);
      if (input.context.issue !== undefined) {
        const ref = parseInput(IssueRef, input.context.issue, 'context.issue');
        if ((ref.id === undefined) === (ref.key === undefined))
          throw badRequest(['The issue in the context needs either an id or a key, not both.']);
        // 404 with Jira's message when the issue does not exist or the caller may not browse it.
        variables.set('issue', new IssueValue(visibleIssue(core, caller, ref.key ?? String(ref.id))));
      }
      try {
        const result = evaluateExpression(core, input.expression, () => variables);
        const meta = expand.has('meta.complexity')
          ? {
              meta: {
                complexity: Object.fromEntries(
                  COMPLEXITY_MEASURES.map((measure) => [
                    measure,
                    { value: result.complexity[measure], limit: COMPLEXITY_LIMITS[measure] },
                  ]),
                ),
              },
            }
          : {};
        return { status: 200, body: { value: result.value, ...meta } };
      } catch (error) {
        if (error instanceof ExpressionError) throw toJiraError(error);
        throw error;
      }
    }),
  );

  return router;
}
