import type { ErrorRequestHandler, RequestHandler } from 'express';
import { findSpecOperation } from '../contract/spec';
import type { FaultPlan } from '../faults/faults';
import type { RequestLog } from '../faults/requestLog';
import type { HttpEnv } from './operation';
import { noteOf } from './notes';

export const PRINCIPAL_HEADER = 'x-forge-principal';

const unauthenticated = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

export function logRequests(env: HttpEnv, log: RequestLog): RequestHandler {
  return (req, res, next) => {
    const note = noteOf(req);
    const [path = '', query = ''] = req.originalUrl.split('?', 2);
    res.on('finish', () => {
      log.record({
        method: req.method,
        path,
        query,
        operationId: note.operationId,
        principal: note.principal,
        status: res.statusCode,
        timestamp: new Date(env.core.clock.now()).toISOString(),
        injectedLatencyMs: note.injectedLatencyMs,
        fault: note.fault,
      });
    });
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
