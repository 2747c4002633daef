/** An HTTP error in Jira's shape: `{errorMessages: [...], errors: {field: message}}`. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'JiraError';
  }

  body(): { errorMessages: string[]; errors: Record<string, string> } {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

/**
 * A request that breaks the published contract (OpenAPI schema or ADF schema). Besides the 400 answer, the HTTP
 * layer records it as a contract violation so tests can assert the app never sends one.
 */
export class ContractError extends JiraError {
  constructor(
    readonly violations: string[],
    errorMessages: string[],
    errors: Record<string, string> = {},
    status = 400,
  ) {
    super(status, errorMessages, errors);
    this.name = 'ContractError';
  }
}

export const badRequest = (errorMessages: string[], errors: Record<string, string> = {}): JiraError =>
  new JiraError(400, errorMessages, errors);

export const fieldErrors = (errors: Record<string, string>): JiraError => new JiraError(400, [], errors);

export const notFound = (message: string): JiraError => new JiraError(404, [message]);

export const forbidden = (message: string): JiraError => new JiraError(403, [message]);

export const issueNotFound = (): JiraError =>
  notFound('Issue does not exist or you do not have permission to see it.');

export const rateLimited = (reason: string, retryAfterSeconds: number): JiraError =>
  new JiraError(
    429,
    ['Rate limit exceeded.'],
    {},
    {
      'Retry-After': String(retryAfterSeconds),
      'RateLimit-Reason': reason,
    },
  );
