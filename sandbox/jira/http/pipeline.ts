// The Jira emulator's middleware: request logging, the Forge principal header (401 without it), injected faults,
// 501/404 for paths the emulator lacks, and Jira's error bodies.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { findSpecOperation } from '../contract/spec';
import { emptiedPage, type AnswerLoss, type FaultPlan } from '../faults/faults';
import type { RequestLog } from '../faults/request-log';
import type { HttpEnv } from './operation';
import { noteOf } from './notes';

export const PRINCIPAL_HEADER = 'x-forge-principal';

const unauthenticated = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

/** What an injected answer fault did to a request's answer, for the request log. */
interface ReplacedAnswer {
  appliedStatus: number;
  /** the connection was cut: the client got no status at all */
  reset: boolean;
}

const replacedAnswers = new WeakMap<Request, ReplacedAnswer>();

export function logRequests(env: HttpEnv, log: RequestLog): RequestHandler {
  return (req, res, next) => {
    const note = noteOf(req);
    const [path = '', query = ''] = req.originalUrl.split('?', 2);
    let recorded = false;
    // 'close' as well as 'finish': a connection cut by an injected fault never finishes its response.
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const replaced = replacedAnswers.get(req);
      log.record({
        method: req.method,
        path,
        query,
        operationId: note.operationId,
        principal: note.principal,
        status: replaced?.reset ? 0 : res.statusCode,
        ...(replaced ? { appliedStatus: replaced.appliedStatus } : {}),
        timestamp: new Date(env.core.clock.now()).toISOString(),
        injectedLatencyMs: note.injectedLatencyMs,
        fault: note.fault,
      });
    };
    res.on('finish', record);
    res.on('close', record);
    next();
  };
}

/** `x-forge-principal: app` (asApp) or `user:<accountId>` (asUser); anything else is 401. */
export function authenticate(env: HttpEnv): RequestHandler {
  return (req, res, next) => {
    const header = req.get(PRINCIPAL_HEADER);
    const note = noteOf(req);
    note.principal = header ?? null;
    if (header === 'app') {
      note.actor = { accountId: env.core.appAccountId, isApp: true };
      next();
      return;
    }
    const accountId = header?.startsWith('user:') ? header.slice('user:'.length) : undefined;
    const user = accountId ? env.core.store.users.get(accountId) : undefined;
    if (!user || !user.active || user.accountType === 'app') {
      res.status(401).json(unauthenticated);
      return;
    }
    note.actor = { accountId: user.accountId, isApp: false };
    next();
  };
}

export function injectFaults(faults: FaultPlan): RequestHandler {
  return (req, res, next) => {
    const note = noteOf(req);
    const proceed = (): void => {
      const fault = faults.take(req.method, req.path);
      if (!fault) {
        next();
        return;
      }
      if (fault.kind === 'answer-lost') {
        // The operation runs and answers; the answer is swapped for a gateway error or cut on its way out.
        interceptAnswer(res, (appliedStatus, end) => {
          note.fault = 'answer-lost';
          replacedAnswers.set(req, { appliedStatus, reset: fault.as === 'reset' });
          if (fault.as === 'reset') res.destroy();
          else sendReplacement(res, end, fault.as, 'application/json;charset=UTF-8', gatewayBody(fault.as));
        });
        next();
        return;
      }
      if (fault.kind === 'unreadable-body') {
        interceptAnswer(res, (appliedStatus, end, original) => {
          // Only a success with a body can be garbled (a 204 carries none).
          if (appliedStatus < 200 || appliedStatus > 299 || appliedStatus === 204) {
            original();
            return;
          }
          note.fault = 'unreadable-body';
          replacedAnswers.set(req, { appliedStatus, reset: false });
          sendReplacement(res, end, appliedStatus, fault.contentType, fault.body);
        });
        next();
        return;
      }
      if (fault.kind === 'empty-page') {
        // The operation answers as usual; a successful page goes out with its lists emptied (faults.ts).
        const json = res.json.bind(res);
        res.json = (body?: unknown) => {
          if (res.statusCode < 200 || res.statusCode > 299) return json(body);
          note.fault = 'empty-page';
          return json(emptiedPage(body));
        };
        next();
        return;
      }
      if (fault.kind === 'rate-limit') {
        note.fault = 'rate-limit';
        res
          .status(429)
          .set({ 'Retry-After': String(fault.retryAfterSeconds), 'RateLimit-Reason': fault.reason })
          .json({ errorMessages: ['Rate limit exceeded.'], errors: {} });
        return;
      }
      note.fault = 'server-error';
      res
        .status(fault.status)
        .json({ errorMessages: ['Internal server error (injected by the Jira emulator).'], errors: {} });
    };
    const latency = faults.latencyFor(req.method, req.path);
    note.injectedLatencyMs = latency;
    if (latency > 0) setTimeout(proceed, latency);
    else proceed();
  };
}

type EndFunction = (...args: unknown[]) => Response;

/**
 * Runs `replace` instead of the first `res.end` of this request, i.e. once the operation has built its answer
 * (res.json and res.send end there too). Response contract checks run on the operation's own answer before it is
 * sent (operation.ts), so a replaced answer records no violation. `original` sends the answer untouched.
 */
function interceptAnswer(
  res: Response,
  replace: (appliedStatus: number, end: EndFunction, original: () => void) => void,
): void {
  const end = res.end.bind(res) as EndFunction;
  let intercepted = false;
  const wrapped = (...args: unknown[]): Response => {
    if (intercepted) return end(...args);
    intercepted = true;
    res.end = end as Response['end'];
    replace(res.statusCode, end, () => end(...args));
    return res;
  };
  res.end = wrapped as Response['end'];
}

function sendReplacement(
  res: Response,
  end: EndFunction,
  status: number,
  contentType: string,
  body: string,
): void {
  if (!res.headersSent) {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Length', Buffer.byteLength(body));
  }
  res.statusCode = status;
  end(body, 'utf8');
}

const GATEWAY_TEXT: Record<Exclude<AnswerLoss, 'reset'>, string> = {
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function gatewayBody(status: Exclude<AnswerLoss, 'reset'>): string {
  return JSON.stringify({
    errorMessages: [
      `${GATEWAY_TEXT[status]} (answer lost after the request was applied; injected by the Jira emulator).`,
    ],
    errors: {},
  });
}

/** A real Jira operation the emulator lacks is a loud 501 and a recorded gap; anything else is a plain 404. */
export function unmatchedRoute(env: HttpEnv): RequestHandler {
  return (req, res) => {
    const operationId = findSpecOperation(req.method, req.path);
    if (operationId) {
      noteOf(req).operationId = operationId;
      env.violations.record({
        kind: 'unimplemented',
        operationId,
        method: req.method,
        path: req.path,
        status: 501,
        messages: [`The Jira emulator does not implement ${operationId} (${req.method} ${req.path})`],
      });
      res
        .status(501)
        .json({ errorMessages: [`The Jira emulator does not implement ${operationId}.`], errors: {} });
      return;
    }
    res
      .status(404)
      .json({ errorMessages: [`No Jira REST resource at ${req.method} ${req.path}.`], errors: {} });
  };
}

/** Body-parser failures (oversized or undecodable bodies) in Jira's error shape. */
export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status =
      typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
        ? error.status
        : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status >= 500) console.error('[jira-emulator] unexpected error', error);
    res.status(status).json({ errorMessages: [message], errors: {} });
  };
}
