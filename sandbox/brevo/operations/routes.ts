// The operations the emulator serves, by method and path template below /v3 (as the OpenAPI document names them).
import { getAccount } from './account';
import { createAttribute, getAttributes } from './attributes';
import { createContact, getContactInfo } from './contacts';
import { createBatchEvents, createEvent, getEvents } from './events';
import { getLists } from './lists';
import type { OperationHandler } from './types';

export interface Route {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  readonly handler: OperationHandler;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/account', operationId: 'getAccount', handler: getAccount },
  { method: 'POST', template: '/contacts', operationId: 'createContact', handler: createContact },
  { method: 'GET', template: '/contacts/lists', operationId: 'getLists', handler: getLists },
  { method: 'GET', template: '/contacts/attributes', operationId: 'getAttributes', handler: getAttributes },
  {
    method: 'POST',
    template: '/contacts/attributes/{attributeCategory}/{attributeName}',
    operationId: 'createAttribute',
    handler: createAttribute,
  },
  {
    method: 'GET',
    template: '/contacts/{identifier}',
    operationId: 'getContactInfo',
    handler: getContactInfo,
  },
  { method: 'POST', template: '/events', operationId: 'createEvent', handler: createEvent },
  { method: 'GET', template: '/events', operationId: 'getEvents', handler: getEvents },
  // Not called by the app (it sends one event at a time): the connector's paging test seeds timelines with it.
  { method: 'POST', template: '/events/batch', operationId: 'createBatchEvents', handler: createBatchEvents },
];

interface CompiledRoute extends Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const COMPILED: readonly CompiledRoute[] = ROUTES.map((route) => {
  const names = [...route.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const source = route.template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('([^/]+)');
  return { ...route, pattern: new RegExp(`^${source}/?$`), names };
});

export interface RouteMatch {
  readonly route: Route;
  /** decoded path parameters */
  readonly params: Record<string, string>;
}

/** The route for a path below /v3; `methodMismatch` when the path exists with other methods only. */
export function findRoute(method: string, path: string): RouteMatch | 'methodMismatch' | undefined {
  let pathKnown = false;
  // Literal templates come first in ROUTES, so /contacts/lists never reads as /contacts/{identifier}.
  for (const route of COMPILED) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method.toUpperCase()) {
      pathKnown = true;
      continue;
    }
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(
        route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
      );
    } catch {
      continue;
    }
    return { route, params };
  }
  return pathKnown ? 'methodMismatch' : undefined;
}
