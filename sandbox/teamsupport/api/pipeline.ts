// One API request end to end, in the server's order: latency, injected fault, Basic auth (401), API log + verb
// check (405), rate limits (403), route (404), handler, injected fault of phase 'after' (replaces the reply);
// errors become text/plain bodies; everything is logged.
import { ACCESS_DENIED, authenticate } from '../auth';
import type { Clock } from '../clock';
import type { FaultInjector, FaultSpec } from '../faults';
import { textReply, type HttpReply } from '../http-reply';
import type { RateLimiter } from '../rate-limits';
import type { RequestLog } from '../request-log';
import type { OrgRecord } from '../model';
import type { EmulatorState } from '../state';
import type { ApiReply } from './context';
import { ApiFailure, failures } from './failures';
import { findRoute, isApiMethod, parseApiPath } from './routes';

export interface ApiDependencies {
  readonly state: EmulatorState;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface ApiRequest {
  readonly method: string;
  /** path and query as received */
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

function fromApiReply(reply: ApiReply): HttpReply {
  return { status: reply.status, headers: { 'Content-Type': reply.contentType }, body: reply.body };
}

function answer(deps: ApiDependencies, org: OrgRecord, request: ApiRequest, url: URL): HttpReply {
  const now = deps.clock.now();
  // The request is in the API log (and counts) before the verb and the limits are checked.
  const limited = deps.limiter.admit(org, now);
  if (!isApiMethod(request.method)) return textReply(405, failures.methodNotAllowed().body);
  const path = parseApiPath(url.pathname);
  if (!path) return textReply(404, failures.notFound().body);
  if (limited) return limited;
  try {
    // Only the JSON flavour is emulated.
    if (path.format !== 'json') throw failures.unsupportedFormat();
    const handler = findRoute(request.method, path.template);
    if (!handler) throw failures.notFound();
    return fromApiReply(
      handler({ state: deps.state, org, now, ids: path.ids, query: url.searchParams, body: request.body }),
    );
  } catch (error) {
    if (error instanceof ApiFailure) return textReply(error.status, error.body);
    const message = error instanceof Error ? error.message : String(error);
    return textReply(500, failures.internal(message).body);
  }
}

function faultReply(fault: FaultSpec): HttpReply {
  if (fault.dropConnection) return { status: 0, headers: {}, body: '', dropConnection: true };
  return {
    status: fault.status ?? 500,
    headers: { 'Content-Type': fault.contentType ?? 'text/plain; charset=utf-8', ...fault.headers },
    body: fault.body ?? '',
  };
}

export async function handleApiRequest(deps: ApiDependencies, request: ApiRequest): Promise<HttpReply> {
  const url = new URL(request.url, 'http://emulator.invalid');
  if (deps.faults.latencyMs > 0) await deps.sleep(deps.faults.latencyMs);
  const fault = deps.faults.take(request.method, url.pathname);
  let orgId: number | null = null;
  let reply: HttpReply;
  if (fault && (fault.phase ?? 'before') === 'before') {
    reply = faultReply(fault);
  } else {
    const org = authenticate(request.authorization, deps.state.orgs);
    orgId = org?.id ?? null;
    reply = org ? answer(deps, org, request, url) : ACCESS_DENIED;
    // phase 'after': the request was applied; the client gets the fault instead of its reply.
    if (fault) reply = faultReply(fault);
  }
  // The log holds what the client got: status 0 and no body when the connection was dropped.
  deps.log.add({
    at: deps.clock.now(),
    method: request.method,
    url: request.url,
    orgId,
    status: reply.status,
    requestBody: request.body,
    responseBody: reply.body,
    fault: fault !== null,
  });
  return reply;
}
