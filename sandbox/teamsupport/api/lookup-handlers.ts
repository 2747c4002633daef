// The lookup lists the app reads: /properties/{tickettypes,ticketstatuses,ticketseverities,actiontypes}, /products,
// a product's versions, /users. Every list here is filtered in memory (docs/teamsupport-api.md §10).
import { byPositionThenId } from '../state';
import {
  actionTypeRecord,
  productRecord,
  severityRecord,
  ticketStatusRecord,
  ticketTypeRecord,
  userRecord,
  versionRecord,
} from '../views/lookup-views';
import { LISTS } from '../wire/list-shape';
import { routeId, type ApiHandler } from './context';
import { failures } from './failures';
import { inMemoryList } from './list-replies';

const byName = (a: { name: string; id: number }, b: { name: string; id: number }): number =>
  a.name.localeCompare(b.name) || a.id - b.id;

export const listTicketTypes: ApiHandler = (context) =>
  inMemoryList(context, LISTS.ticketTypes, context.state.ticketTypesOf(context.org.id).map(ticketTypeRecord));

/** Statuses of every ticket type, grouped by type; each carries its TicketTypeID and IsClosed. */
export const listTicketStatuses: ApiHandler = (context) => {
  const { state, org } = context;
  const statuses = state.ticketTypesOf(org.id).flatMap((type) => state.statusesOfType(type.id));
  return inMemoryList(context, LISTS.ticketStatuses, statuses.map(ticketStatusRecord));
};

export const listTicketSeverities: ApiHandler = (context) => {
  const severities = context.state.inOrg(context.state.severities, context.org.id).sort(byPositionThenId);
  return inMemoryList(context, LISTS.ticketSeverities, severities.map(severityRecord));
};

export const listActionTypes: ApiHandler = (context) => {
  const types = context.state.inOrg(context.state.actionTypes, context.org.id).sort(byPositionThenId);
  return inMemoryList(context, LISTS.actionTypes, types.map(actionTypeRecord));
};

export const listProducts: ApiHandler = (context) => {
  const products = context.state.inOrg(context.state.products, context.org.id).sort(byName);
  return inMemoryList(context, LISTS.products, products.map(productRecord));
};

export const listVersions: ApiHandler = (context) => {
  const { state } = context;
  const productId = routeId(context, 0);
  const product = state.products.get(productId);
  if (product && product.orgId !== context.org.id) throw failures.otherOrganisation();
  const versions = state
    .inOrg(state.versions, context.org.id)
    .filter((version) => version.productId === productId)
    .sort((a, b) => a.versionNumber.localeCompare(b.versionNumber, 'en', { numeric: true }) || a.id - b.id);
  return inMemoryList(
    context,
    LISTS.versions,
    versions.map((version) => versionRecord(state, version)),
  );
};

export const listUsers: ApiHandler = (context) => {
  const users = context.state
    .inOrg(context.state.users, context.org.id)
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.id - b.id);
  return inMemoryList(context, LISTS.users, users.map(userRecord));
};
