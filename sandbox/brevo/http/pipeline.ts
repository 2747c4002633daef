// One API request end to end: latency, injected fault (phase 'before'), the api-key (401), the route (404/405, or
// 501 for a Brevo operation the emulator lacks), the rate limit of the endpoint group (429), the request held to the
// OpenAPI document (400 + recorded violation), the operation, its reply held to the document (500 + recorded
// violation), the limit headers, an injected fault of phase 'after' (replaces the reply); everything is logged.
import { z } from 'zod';
import type { ControllableClock } from '../clock';
import { findSpecOperation, operationContract, type OperationContract } from '../contract/spec';
import { requestErrors, responseErrors } from '../contract/validators';
import type { ViolationLog } from '../contract/violations';
import type { FaultInjector, FaultSpec } from '../faults';
import type { AccountRecord } from '../model';
import { findRoute } from '../operations/routes';
import type { OperationReply, OperationSettings } from '../operations/types';
import { rateLimitGroup, TOO_MANY_REQUESTS, type RateLimiter } from '../rate-limits';
import type { RequestLog } from '../request-log';
import type { BrevoState } from '../state';
import { BrevoApiError, ContractBreach, emptyReply, jsonReply, type HttpReply } from './reply';

export interface EmulatorSettings extends OperationSettings {
  /** send `Retry-After` (seconds) on 429 answers; Brevo usually does not */
  retryAfter: boolean;
}

export interface ApiDependencies {
  readonly state: BrevoState;
  readonly clock: ControllableClock;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly violations: ViolationLog;
  readonly settings: EmulatorSettings;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface ApiRequest {
  readonly method: string;
  /** path and query as received */
  readonly url: string;
  readonly apiKey: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
}

export const API_PREFIX = '/v3';

interface Answer {
  reply: HttpReply;
  accountId: number | null;
  operationId: string | null;
}

const ParameterSchema = z.object({
  type: z.string().optional(),
  items: z.object({ type: z.string().optional() }).optional(),
});

function scalar(type: string | undefined, raw: string): unknown {
  if (type === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
  if (type === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** Query or path values typed as the document declares them; malformed ones stay strings for the check to report. */
function typed(
  parameters: OperationContract['queryParameters'],
  values: ReadonlyMap<string, string[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of values) {
    const declared = ParameterSchema.safeParse(parameters.find((p) => p.name === name)?.schema ?? {});
    const type = declared.success ? declared.data.type : undefined;
    if (type === 'array') {
      const itemType = declared.success ? declared.data.items?.type : undefined;
      out[name] = raw.flatMap((value) => value.split(',')).map((item) => scalar(itemType, item.trim()));
    } else {
      out[name] = scalar(type, raw[raw.length - 1] ?? '');
    }
  }
  return out;
}

function queryValues(search: URLSearchParams): Map<string, string[]> {
  return new Map([...new Set(search.keys())].map((name) => [name, search.getAll(name)]));
}

function fromOperation(reply: OperationReply, headers: Record<string, string>): HttpReply {
  return reply.body === undefined
    ? emptyReply(reply.status, headers)
    : jsonReply(reply.status, reply.body, headers);
}

function readJson(request: ApiRequest, contract: OperationContract): { hasBody: boolean; body: unknown } {
  if (!contract.requestBody || request.body.trim() === '') return { hasBody: false, body: undefined };
  if (!/^application\/json\b/i.test(request.contentType ?? '')) {
    throw new ContractBreach('invalid_parameter', [
      `content-type '${request.contentType ?? '(none)'}' is not application/json`,
    ]);
  }
  try {
    return { hasBody: true, body: JSON.parse(request.body) };
  } catch {
    throw new ContractBreach('invalid_parameter', ['body is not JSON']);
  }
}

/** The account an api-key belongs to, or the 401 Brevo answers. */
function authenticate(deps: ApiDependencies, apiKey: string | undefined): AccountRecord | HttpReply {
  const account = apiKey === undefined ? undefined : deps.state.accountByKey(apiKey);
  if (!account) return jsonReply(401, { code: 'unauthorized', message: 'Key not found' });
  if (!account.keyEnabled) return jsonReply(401, { code: 'unauthorized', message: 'API Key is not enabled' });
  return account;
}

function runOperation(
  deps: ApiDependencies,
  request: ApiRequest,
  url: URL,
  path: string,
  account: AccountRecord,
): Answer {
  const method = request.method.toUpperCase();
  const found = findRoute(method, path);
  // A real Brevo operation the emulator does not serve is a 501 and a recorded gap, whether or not the path is served
  // with another method (PUT /contacts/{identifier} beside GET); any other unknown method or path is 405 or 404.
  const operationId =
    found === 'methodMismatch' || found === undefined ? findSpecOperation(method, path) : undefined;
  if (operationId !== undefined) {
    const message = `The Brevo emulator does not implement ${operationId} (${method} ${API_PREFIX}${path})`;
    deps.violations.record({
      kind: 'unimplemented',
      operationId,
      method,
      path,
      status: 501,
      messages: [message],
      at: deps.clock.now().toISOString(),
    });
    return { reply: jsonReply(501, { code: 'bad_request', message }), accountId: account.id, operationId };
  }
  if (found === 'methodMismatch') {
    const reply = jsonReply(405, {
      code: 'method_not_allowed',
      message: `${method} is not allowed on ${path}`,
    });
    return { reply, accountId: account.id, operationId: null };
  }
  if (found === undefined) {
    const reply = jsonReply(404, {
      code: 'document_not_found',
      message: `No API resource at ${method} ${url.pathname}`,
    });
    return { reply, accountId: account.id, operationId: null };
  }
  const { route, params } = found;
  const now = deps.clock.now();
  const admission = deps.limiter.admit(account.id, rateLimitGroup(path), now);
  if (!admission.allowed) {
    const retryAfter: Record<string, string> = deps.settings.retryAfter
      ? { 'Retry-After': String(admission.resetSeconds) }
      : {};
    const reply = jsonReply(429, TOO_MANY_REQUESTS, { ...admission.headers, ...retryAfter });
    return { reply, accountId: account.id, operationId: route.operationId };
  }
  const contract = operationContract(route.operationId);
  const record = (kind: 'request' | 'response', status: number, messages: string[]): void =>
    deps.violations.record({
      kind,
      operationId: route.operationId,
      method,
      path,
      status,
      messages,
      at: now.toISOString(),
    });
  let reply: OperationReply;
  try {
    const { hasBody, body } = readJson(request, contract);
    const pathValues = new Map(Object.entries(params).map(([name, value]) => [name, [value]]));
    const parts = {
      path: typed(contract.pathParameters, pathValues),
      query: typed(contract.queryParameters, queryValues(url.searchParams)),
      body,
      hasBody,
    };
    const problems = requestErrors(contract, parts);
    if (problems.length > 0) {
      const code = problems.some((problem) => problem.missing) ? 'missing_parameter' : 'invalid_parameter';
      throw new ContractBreach(
        code,
        problems.map((problem) => problem.text),
      );
    }
    reply = route.handler(
      {
        state: deps.state,
        account,
        now,
        settings: deps.settings,
        violation: (messages) => record('request', 400, messages),
      },
      { params, query: parts.query, body },
    );
  } catch (error) {
    if (error instanceof BrevoApiError) {
      // A refusal the document itself explains is the app's contract violation.
      if (error instanceof ContractBreach) record('request', 400, [...error.violations]);
      reply = { status: error.status, body: error.body() };
    } else {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      record('response', 500, [message]);
      const body = { code: 'bad_request', message: `Brevo emulator error: ${message}` };
      return {
        reply: jsonReply(500, body, admission.headers),
        accountId: account.id,
        operationId: route.operationId,
      };
    }
  }
  const broken = responseErrors(contract, reply.status, reply.body);
  if (broken.length > 0) {
    record('response', reply.status, broken);
    const body = {
      code: 'bad_request',
      message: `Brevo emulator produced a ${reply.status} reply that violates ${route.operationId}: ${broken.join('; ')}`,
    };
    return {
      reply: jsonReply(500, body, admission.headers),
      accountId: account.id,
      operationId: route.operationId,
    };
  }
  return {
    reply: fromOperation(reply, admission.headers),
    accountId: account.id,
    operationId: route.operationId,
  };
}

function answer(deps: ApiDependencies, request: ApiRequest, url: URL): Answer {
  if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) {
    const reply = jsonReply(404, {
      code: 'document_not_found',
      message: `No API resource at ${url.pathname}`,
    });
    return { reply, accountId: null, operationId: null };
  }
  const account = authenticate(deps, request.apiKey);
  if (!('id' in account)) return { reply: account, accountId: null, operationId: null };
  return runOperation(deps, request, url, url.pathname.slice(API_PREFIX.length) || '/', account);
}

function faultReply(fault: FaultSpec): HttpReply {
  if (fault.dropConnection) return { status: 0, headers: {}, body: '', dropConnection: true };
  return {
    status: fault.status ?? 500,
    headers: { 'Content-Type': fault.contentType ?? 'application/json; charset=utf-8', ...fault.headers },
    body: fault.body ?? '',
  };
}

/** What the client gets when a phase-'after' fault hits an applied request; undefined leaves the reply alone. */
function afterFault(fault: FaultSpec, applied: HttpReply): HttpReply | undefined {
  if (!fault.successOnly) return faultReply(fault);
  if (applied.status < 200 || applied.status > 299) return undefined;
  return {
    status: applied.status === 204 ? 200 : applied.status,
    headers: { 'Content-Type': fault.contentType ?? 'text/html', ...fault.headers },
    body: fault.body ?? '<html><body>gateway</body></html>',
  };
}

export async function handleApiRequest(deps: ApiDependencies, request: ApiRequest): Promise<HttpReply> {
  const url = new URL(request.url, 'http://emulator.invalid');
  if (deps.faults.latencyMs > 0) await deps.sleep(deps.faults.latencyMs);
  const fault = deps.faults.take(request.method, url.pathname);
  let reply: HttpReply;
  let accountId: number | null = null;
  let operationId: string | null = null;
  let appliedStatus: number | undefined;
  let faultPhase = fault === null ? null : (fault.phase ?? 'before');
  if (fault && faultPhase === 'before') {
    reply = faultReply(fault);
  } else {
    const answered = answer(deps, request, url);
    ({ reply, accountId, operationId } = answered);
    if (fault) {
      const replaced = afterFault(fault, answered.reply);
      if (replaced) {
        appliedStatus = answered.reply.status;
        reply = replaced;
      } else {
        faultPhase = null;
      }
    }
  }
  deps.log.add({
    at: deps.clock.now().toISOString(),
    method: request.method,
    url: request.url,
    accountId,
    operationId,
    status: reply.status,
    ...(appliedStatus === undefined ? {} : { appliedStatus }),
    requestBody: request.body,
    responseBody: reply.body,
    fault: faultPhase,
  });
  return reply;
}
