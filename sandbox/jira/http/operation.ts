// Wraps one Jira REST operation: checks the request against the vendored spec, parses the body, runs the handler
// and checks the reply against the spec too (a reply that breaks it is a loud 500).
import type { Request, RequestHandler, Response } from 'express';
import { operationContract, type OperationContract } from '../contract/spec';
import { requestErrors, responseErrors } from '../contract/validators';
import type { ViolationLog } from '../contract/violations';
import { JqlError, toJiraError } from '../jql/errors';
import type { JiraCore } from '../service/core';
import type { Caller } from '../service/issues';
import { ContractError, JiraError } from './errors';
import { noteOf } from './notes';
import { coerceQuery } from './query';

export interface HttpEnv {
  core: JiraCore;
  violations: ViolationLog;
}

export interface OperationRequest {
  caller: Caller;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** the raw query string, for parameters whose repetition matters */
  search: URLSearchParams;
  body: unknown;
}

export interface OperationResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type OperationHandler = (request: OperationRequest) => OperationResponse;

function readBody(req: Request, operation: OperationContract): { hasBody: boolean; body: unknown } {
  const raw: unknown = req.body;
  const text = typeof raw === 'string' ? raw : '';
  if (!operation.requestBody || text.trim() === '') return { hasBody: false, body: undefined };
  if (!req.is('application/json')) {
    throw new ContractError(
      [`content-type '${req.get('content-type') ?? '(none)'}' is not application/json`],
      ['Unsupported Media Type'],
      {},
      415,
    );
  }
  try {
    return { hasBody: true, body: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ContractError(
      [`body is not JSON: ${message}`],
      [`Unexpected character in the JSON body: ${message}`],
    );
  }
}

/**
 * Mounts one spec operation: checks the request against the OpenAPI document (400 + recorded violation when it
 * breaks it), runs the handler, and checks the reply too. A reply that breaks the spec is the emulator's bug: it
 * becomes a 500 and a recorded violation instead of slipping through to the app.
 */
export function operation(env: HttpEnv, operationId: string, handler: OperationHandler): RequestHandler {
  return (req, res) => {
    const note = noteOf(req);
    note.operationId = operationId;
    const contract = operationContract(operationId);
    const send = (result: OperationResponse): void => sendChecked(env, req, res, contract, result);
    try {
      const actor = note.actor;
      if (!actor) throw new JiraError(401, ['You are not authenticated.']);
      const search = new URL(req.originalUrl, 'http://localhost').searchParams;
      const query = coerceQuery(contract, search);
      const params = Object.fromEntries(
        Object.entries(req.params).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join('/') : value,
        ]),
      );
      const { hasBody, body } = readBody(req, contract);
      const messages = requestErrors(contract, { path: params, query, body, hasBody });
      if (messages.length > 0) throw new ContractError(messages, messages);
      send(handler({ caller: { actor, enforcePermissions: true }, params, query, search, body }));
    } catch (error) {
      send(errorResponse(env, req, operationId, error));
    }
  };
}

function errorResponse(env: HttpEnv, req: Request, operationId: string, error: unknown): OperationResponse {
  const jiraError = error instanceof JqlError ? toJiraError(error) : error;
  if (jiraError instanceof ContractError) {
    env.violations.record({
      kind: 'request',
      operationId,
      method: req.method,
      path: req.path,
      status: jiraError.status,
      messages: jiraError.violations,
    });
  }
  if (jiraError instanceof JiraError) {
    if (jiraError.status === 429) noteOf(req).fault = 'per-issue-write-limit';
    return { status: jiraError.status, body: jiraError.body(), headers: jiraError.headers };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  env.violations.record({
    kind: 'response',
    operationId,
    method: req.method,
    path: req.path,
    status: 500,
    messages: [message],
  });
  return { status: 500, body: { errorMessages: [`Jira emulator error: ${message}`], errors: {} } };
}

function sendChecked(
  env: HttpEnv,
  req: Request,
  res: Response,
  contract: OperationContract,
  result: OperationResponse,
): void {
  const violations = responseErrors(contract, result.status, result.body);
  if (violations.length > 0) {
    env.violations.record({
      kind: 'response',
      operationId: contract.operationId,
      method: req.method,
      path: req.path,
      status: result.status,
      messages: violations,
    });
    res.status(500).json({
      errorMessages: [
        `Jira emulator produced a ${result.status} reply that violates the OpenAPI contract of ${contract.operationId}`,
        ...violations,
      ],
      errors: {},
    });
    return;
  }
  res.status(result.status);
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  if (result.body === undefined) res.end();
  else res.json(result.body);
}
