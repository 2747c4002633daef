// How the emulated Jira expression evaluator refuses an expression: one error type, answered as Jira answers a bad
// expression (400 with `{errorMessages: [...], errors: {}}`, the ErrorCollection in the spec's example for
// POST /rest/api/3/expression/evaluate).
import { badRequest, type JiraError } from '../http/errors';

export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** A syntax error, placed the way an editor shows it (line and column from 1). */
export function syntaxError(source: string, position: number, message: string): ExpressionError {
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return new ExpressionError(`Jira expression is invalid: line ${line}, column ${column}: ${message}`);
}

/** A failure while evaluating: Jira's wording is `Evaluation failed: "<the sub-expression>" - <reason>`. */
export function evaluationError(fragment: string, reason: string): ExpressionError {
  return new ExpressionError(`Evaluation failed: "${fragment}" - ${reason}`);
}

export function toJiraError(error: ExpressionError): JiraError {
  return badRequest([error.message]);
}
