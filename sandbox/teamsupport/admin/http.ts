// The admin surface over HTTP under /_sandbox/ (JSON in, JSON out, normal typed values), for the sandbox page.
// Not part of the emulated TeamSupport API and not authenticated (the server only listens on loopback).
import { z } from 'zod';
import type { HttpReply } from '../http-reply';
import type { OrgAdmin } from './org-admin';
import { AdminError } from './refs';
import type { SandboxAdmin } from './sandbox-admin';
import {
  actionTypeInput,
  addActionInput,
  advanceClockInput,
  contactInput,
  createOrgInput,
  createTicketInput,
  customFieldInput,
  customerInput,
  faultInput,
  groupInput,
  latencyInput,
  orgSettingsInput,
  productInput,
  resetInput,
  setClockInput,
  setCustomFieldsInput,
  setStatusInput,
  severityInput,
  ticketStatusInput,
  ticketTypeInput,
  updateTicketInput,
  userInput,
  versionInput,
} from './schemas';

export const ADMIN_PREFIX = '/_sandbox';

interface AdminRequest {
  readonly method: string;
  /** path segments after /_sandbox */
  readonly segments: readonly string[];
  readonly body: unknown;
}

type AdminRoute = (admin: SandboxAdmin, request: AdminRequest, params: readonly string[]) => unknown;

function input<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new AdminError(400, z.prettifyError(result.error));
  return result.data;
}

function numberParam(params: readonly string[], index: number): number {
  const value = Number(params[index]);
  if (!Number.isInteger(value)) throw new AdminError(404, `Not an id: ${params[index] ?? ''}`);
  return value;
}

function orgOf(admin: SandboxAdmin, params: readonly string[]): OrgAdmin {
  return admin.org(numberParam(params, 0));
}

function orgSummary(org: OrgAdmin) {
  return { ...org.settings(), counters: org.counters() };
}

// Pattern segments starting with ":" capture a parameter.
const ROUTES: ReadonlyArray<readonly [method: string, pattern: string, route: AdminRoute]> = [
  [
    'GET',
    '',
    (admin) => ({
      orgs: admin.orgs().map(orgSummary),
      now: admin.clock.now(),
      pendingFaults: admin.faults.pendingCount(),
      latencyMs: admin.faults.latencyMs,
    }),
  ],
  [
    'POST',
    'reset',
    (admin, request) => {
      admin.reset(input(resetInput, request.body).seed);
      return { orgs: admin.orgs().map(orgSummary) };
    },
  ],
  ['GET', 'orgs', (admin) => admin.orgs().map(orgSummary)],
  ['POST', 'orgs', (admin, request) => orgSummary(admin.createOrg(input(createOrgInput, request.body)))],
  [
    'GET',
    'orgs/:org',
    (admin, _request, params) => {
      const org = orgOf(admin, params);
      return { ...orgSummary(org), lookups: org.lookups() };
    },
  ],
  [
    'PATCH',
    'orgs/:org',
    (admin, request, params) => orgOf(admin, params).updateSettings(input(orgSettingsInput, request.body)),
  ],
  ['GET', 'orgs/:org/counters', (admin, _request, params) => orgOf(admin, params).counters()],
  [
    'DELETE',
    'orgs/:org/counters',
    (admin, _request, params) => {
      orgOf(admin, params).resetCounters();
      return {};
    },
  ],
  [
    'POST',
    'orgs/:org/ticket-types',
    (admin, r, p) => orgOf(admin, p).addTicketType(input(ticketTypeInput, r.body)),
  ],
  [
    'POST',
    'orgs/:org/ticket-statuses',
    (admin, r, p) => orgOf(admin, p).addTicketStatus(input(ticketStatusInput, r.body)),
  ],
  [
    'POST',
    'orgs/:org/severities',
    (admin, r, p) => orgOf(admin, p).addSeverity(input(severityInput, r.body)),
  ],
  [
    'POST',
    'orgs/:org/action-types',
    (admin, r, p) => orgOf(admin, p).addActionType(input(actionTypeInput, r.body)),
  ],
  ['POST', 'orgs/:org/products', (admin, r, p) => orgOf(admin, p).addProduct(input(productInput, r.body))],
  ['POST', 'orgs/:org/versions', (admin, r, p) => orgOf(admin, p).addVersion(input(versionInput, r.body))],
  ['POST', 'orgs/:org/groups', (admin, r, p) => orgOf(admin, p).addGroup(input(groupInput, r.body))],
  ['POST', 'orgs/:org/users', (admin, r, p) => orgOf(admin, p).addUser(input(userInput, r.body))],
  ['POST', 'orgs/:org/customers', (admin, r, p) => orgOf(admin, p).addCustomer(input(customerInput, r.body))],
  ['POST', 'orgs/:org/contacts', (admin, r, p) => orgOf(admin, p).addContact(input(contactInput, r.body))],
  [
    'POST',
    'orgs/:org/custom-fields',
    (admin, r, p) => orgOf(admin, p).addCustomField(input(customFieldInput, r.body)),
  ],
  ['GET', 'orgs/:org/tickets', (admin, _r, p) => orgOf(admin, p).tickets()],
  [
    'POST',
    'orgs/:org/tickets',
    (admin, r, p) => orgOf(admin, p).createTicket(input(createTicketInput, r.body)),
  ],
  ['GET', 'orgs/:org/deleted-tickets', (admin, _r, p) => orgOf(admin, p).deletedTickets()],
  [
    'GET',
    'orgs/:org/tickets/:ticket',
    (admin, _r, p) => {
      const org = orgOf(admin, p);
      const ticket = numberParam(p, 1);
      return { ticket: org.ticket(ticket), actions: org.actions(ticket), history: org.history(ticket) };
    },
  ],
  [
    'PATCH',
    'orgs/:org/tickets/:ticket',
    (admin, r, p) => orgOf(admin, p).updateTicket(numberParam(p, 1), input(updateTicketInput, r.body)),
  ],
  [
    'DELETE',
    'orgs/:org/tickets/:ticket',
    (admin, _r, p) => {
      orgOf(admin, p).deleteTicket(numberParam(p, 1));
      return {};
    },
  ],
  [
    'POST',
    'orgs/:org/tickets/:ticket/actions',
    (admin, r, p) => orgOf(admin, p).addAction(numberParam(p, 1), input(addActionInput, r.body)),
  ],
  [
    'PUT',
    'orgs/:org/tickets/:ticket/status',
    (admin, r, p) => {
      const { status, actor } = input(setStatusInput, r.body);
      return orgOf(admin, p).setStatus(numberParam(p, 1), status, actor);
    },
  ],
  [
    'PUT',
    'orgs/:org/tickets/:ticket/custom-fields',
    (admin, r, p) =>
      orgOf(admin, p).updateTicket(numberParam(p, 1), {
        customFields: input(setCustomFieldsInput, r.body).values,
      }),
  ],
  ['GET', 'clock', (admin) => ({ now: admin.clock.now() })],
  [
    'PUT',
    'clock',
    (admin, r) => {
      admin.clock.set(input(setClockInput, r.body).at);
      return { now: admin.clock.now() };
    },
  ],
  [
    'POST',
    'clock/advance',
    (admin, r) => {
      admin.clock.advance(input(advanceClockInput, r.body).ms);
      return { now: admin.clock.now() };
    },
  ],
  ['GET', 'requests', (admin) => admin.requests()],
  [
    'DELETE',
    'requests',
    (admin) => {
      admin.clearRequests();
      return {};
    },
  ],
  ['GET', 'faults', (admin) => ({ pending: admin.faults.pendingCount(), latencyMs: admin.faults.latencyMs })],
  [
    'POST',
    'faults',
    (admin, r) => {
      const { count, ...spec } = input(faultInput, r.body);
      admin.failNext(count, spec);
      return { pending: admin.faults.pendingCount() };
    },
  ],
  [
    'DELETE',
    'faults',
    (admin) => {
      admin.faults.clear();
      return {};
    },
  ],
  [
    'PUT',
    'latency',
    (admin, r) => {
      admin.setLatency(input(latencyInput, r.body).ms);
      return { latencyMs: admin.faults.latencyMs };
    },
  ],
];

function match(pattern: string, segments: readonly string[]): string[] | null {
  const parts = pattern === '' ? [] : pattern.split('/');
  if (parts.length !== segments.length) return null;
  const params: string[] = [];
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params.push(segment);
    else if (part !== segment) return null;
  }
  return params;
}

function jsonReply(status: number, value: unknown): HttpReply {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

function errorReply(status: number, code: string, message: string): HttpReply {
  return jsonReply(status, { error: { code, message } });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Answer a request whose path starts with /_sandbox. */
export function handleAdminRequest(
  admin: SandboxAdmin,
  method: string,
  pathname: string,
  rawBody: string,
): HttpReply {
  const segments = pathname
    .slice(ADMIN_PREFIX.length)
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  let body: unknown = undefined;
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return errorReply(400, 'INVALID_JSON', 'The request body is not JSON');
    }
  }
  const candidates = ROUTES.filter(([, pattern]) => match(pattern, segments) !== null);
  const found = candidates.find(([routeMethod]) => routeMethod === method.toUpperCase());
  if (!found) {
    return candidates.length > 0
      ? errorReply(405, 'METHOD_NOT_ALLOWED', `${method} is not supported here`)
      : errorReply(404, 'NOT_FOUND', `No admin route ${pathname}`);
  }
  const [, pattern, route] = found;
  try {
    return jsonReply(200, route(admin, { method, segments, body }, match(pattern, segments) ?? []));
  } catch (error) {
    if (error instanceof AdminError) {
      return errorReply(error.status, error.status === 404 ? 'NOT_FOUND' : 'INVALID_INPUT', error.message);
    }
    throw error;
  }
}
