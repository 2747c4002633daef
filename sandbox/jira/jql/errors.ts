// JQL errors in Jira's wording, and their 400 reply.
import { badRequest, type JiraError } from '../http/errors';

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

/** Jira prefixes syntax errors; reference errors (unknown values) are reported as they are. */
export function jqlSyntaxError(message: string, position: number): JqlError {
  return new JqlError(`Error in the JQL Query: ${message} (line 1, character ${position + 1})`);
}

export function toJiraError(error: JqlError): JiraError {
  return badRequest([error.message]);
}
