// What the Jira emulator's request pipeline learns about one request (principal, operation, injected fault), shared
// between the handler and the request log.
import type { Request } from 'express';
import type { FaultMark } from '../faults/request-log';
import type { Actor } from '../state/types';

/** What the pipeline learned about one request, for the handler and the request log. */
export interface RequestNote {
  principal: string | null;
  actor?: Actor;
  operationId: string | null;
  injectedLatencyMs: number;
  fault: FaultMark | null;
}

const notes = new WeakMap<Request, RequestNote>();

export function noteOf(req: Request): RequestNote {
  let note = notes.get(req);
  if (!note) {
    note = { principal: null, operationId: null, injectedLatencyMs: 0, fault: null };
    notes.set(req, note);
  }
  return note;
}
