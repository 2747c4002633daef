// The route table and the server's path rules: segments after /api/{format}/ are lower-cased, an extension on the
// last segment is dropped, and every integer segment becomes "{id}" in the template the handlers are keyed by.
import { createAction, getAction, listActions, updateAction } from './action-handlers';
import type { ApiHandler } from './context';
import {
  listActionTypes,
  listProducts,
  listTicketSeverities,
  listTicketStatuses,
  listTicketTypes,
  listUsers,
  listVersions,
} from './lookup-handlers';
import {
  createTicket,
  getTicket,
  listDeletedTickets,
  listTickets,
  removeTicket,
  updateTicket,
} from './ticket-handlers';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

// The lookups are the lists the app reads (docs/architecture.md "The sandbox" lists what is not served and why).
const ROUTES: ReadonlyMap<string, ApiHandler> = new Map<string, ApiHandler>([
  ['GET /tickets/', listTickets],
  ['GET /tickets/{id}/', getTicket],
  // Not called by the app: how tickets arrive (portal, e-mail, agents); the tests create and restore tickets with it.
  ['POST /tickets/', createTicket],
  ['PUT /tickets/{id}/', updateTicket],
  // Not called by the app: an agent deleting a ticket, which may be a linked one.
  ['DELETE /tickets/{id}/', removeTicket],
  ['GET /tickets/{id}/actions/', listActions],
  // Not called by the app: one action as the server returns it (ActionID first), the shape of the app's POST answer.
  ['GET /tickets/{id}/actions/{id}/', getAction],
  ['POST /tickets/{id}/actions/', createAction],
  // Not called by the app (it only adds actions): an agent editing one.
  ['PUT /tickets/{id}/actions/{id}/', updateAction],
  // Not called by the app: the record a DELETE leaves, checked with it.
  ['GET /deletedtickets/', listDeletedTickets],
  ['GET /properties/tickettypes/', listTicketTypes],
  ['GET /properties/ticketstatuses/', listTicketStatuses],
  ['GET /properties/ticketseverities/', listTicketSeverities],
  ['GET /properties/actiontypes/', listActionTypes],
  ['GET /products/', listProducts],
  ['GET /products/{id}/versions/', listVersions],
  ['GET /users/', listUsers],
]);

export interface ParsedApiPath {
  /** "json", "xml", … as written, lower-cased */
  readonly format: string;
  readonly template: string;
  readonly ids: readonly number[];
}

const INT32 = /^[+-]?\d+$/;

function asInt32(segment: string): number | null {
  if (!INT32.test(segment)) return null;
  const value = Number(segment);
  return value >= -2147483648 && value <= 2147483647 ? value : null;
}

function withoutExtension(segment: string): string {
  const dot = segment.lastIndexOf('.');
  return dot > 0 ? segment.slice(0, dot) : segment;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parse the path after the first "/api/" segment; null when no resource segment follows the format. */
export function parseApiPath(pathname: string): ParsedApiPath | null {
  const segments = pathname
    .split('/')
    .map((segment) => decodeSegment(segment).trim().toLowerCase())
    .filter((segment) => segment !== '');
  const apiIndex = segments.indexOf('api');
  const format = segments[apiIndex + 1];
  const resource = segments.slice(apiIndex + 2);
  if (apiIndex < 0 || format === undefined || resource.length === 0) return null;
  const last = resource.length - 1;
  resource[last] = withoutExtension(resource[last] ?? '');
  const ids: number[] = [];
  const template = resource
    .map((segment) => {
      const id = asInt32(segment);
      if (id === null) return `${segment}/`;
      ids.push(id);
      return '{id}/';
    })
    .join('');
  return { format, template: `/${template}`, ids };
}

export function isApiMethod(method: string): method is ApiMethod {
  return method === 'GET' || method === 'POST' || method === 'PUT' || method === 'DELETE';
}

export function findRoute(method: ApiMethod, template: string): ApiHandler | undefined {
  return ROUTES.get(`${method} ${template}`);
}
