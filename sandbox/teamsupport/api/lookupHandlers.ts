// /properties/*, /products, /users, /groups, /apiversion. Every list here is filtered in memory
// (docs/teamsupport-api.md §10).
import { byPositionThenId } from '../state';
import {
  actionTypeRecord,
  groupRecord,
  productRecord,
  severityRecord,
  ticketStatusRecord,
  ticketTypeRecord,
  userRecord,
  versionRecord,
  versionStatusRecord,
} from '../views/lookupViews';
import { LISTS } from '../wire/listShape';
import { jsonReply, ownedBy, routeId, type ApiHandler } from './context';
import { failures } from './failures';
import { inMemoryList, singleObject } from './listReplies';

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

export const listVersionStatuses: ApiHandler = (context) => {
  const statuses = context.state.inOrg(context.state.versionStatuses, context.org.id).sort(byPositionThenId);
  return inMemoryList(context, LISTS.productVersionStatuses, statuses.map(versionStatusRecord));
};

export const listProducts: ApiHandler = (context) => {
  const products = context.state.inOrg(context.state.products, context.org.id).sort(byName);
  return inMemoryList(context, LISTS.products, products.map(productRecord));
};

export const getProduct: ApiHandler = (context) =>
  singleObject(
    context,
    'Product',
    productRecord(ownedBy(context, context.state.products.get(routeId(context, 0)))),
  );

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

/** Loaded by the version id alone, like the server. */
export const getVersion: ApiHandler = (context) => {
  const version = ownedBy(context, context.state.versions.get(routeId(context, 1)));
  return singleObject(context, 'Version', versionRecord(context.state, version));
};

export const listUsers: ApiHandler = (context) => {
  const users = context.state
    .inOrg(context.state.users, context.org.id)
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.id - b.id);
  return inMemoryList(context, LISTS.users, users.map(userRecord));
};

export const getUser: ApiHandler = (context) =>
  singleObject(context, 'User', userRecord(ownedBy(context, context.state.users.get(routeId(context, 0)))));

export const listGroups: ApiHandler = (context) => {
  const groups = context.state.inOrg(context.state.groups, context.org.id).sort(byName);
  return inMemoryList(context, LISTS.groups, groups.map(groupRecord));
};

export const getGroup: ApiHandler = (context) =>
  singleObject(
    context,
    'Group',
    groupRecord(ownedBy(context, context.state.groups.get(routeId(context, 0)))),
  );

export const apiVersion: ApiHandler = () =>
  jsonReply(JSON.stringify({ Api: { AssemblyDate: '8/14/2018 3:12:45 PM' } }));
