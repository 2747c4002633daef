// The admin page's "Test connection" for a TeamSupport instance: one line per check, in the order an admin fixes
// things (address, credentials, then what the settings name). It never throws: every failure is a failed line.
import type { ConnectionCheck } from '../../domain/ticket';
import { describeError, isIntegrationError } from '../../lib/errors';
import type { ConnectionExpectations } from '../../sync/records/tickets';
import type { TeamSupportClient } from './client';
import { EgressBlockedError } from './failures';
import { findByName, sameName, type TeamSupportLookups } from './lookups';
import { parseWire, type OrgSchemas, type WireTicket, type WireTicketType } from './schemas';

export const CHECK_NAMES = {
  reachable: 'TeamSupport server reachable',
  credentials: 'Credentials accepted',
  commentActionType: 'Action type for Jira comments',
  ticketTypes: 'Ticket types',
  statuses: 'Statuses in status mappings',
  correlationField: 'Correlation field',
} as const;

export interface ConnectionCheckDeps {
  client: TeamSupportClient;
  lookups: TeamSupportLookups;
  schemas: OrgSchemas;
}

const quoted = (names: readonly string[]): string =>
  names.length === 0 ? 'none' : names.map((name) => `"${name}"`).join(', ');

const pass = (name: string, message: string): ConnectionCheck => ({ name, ok: true, message });
const fail = (name: string, message: string): ConnectionCheck => ({ name, ok: false, message });
/** A check that did not run because an earlier one failed: the admin fixes that one first (issue 20). */
const notChecked = (name: string, reason: string): ConnectionCheck => ({
  name,
  ok: false,
  notChecked: true,
  message: `Not checked: ${reason}.`,
});

/** The checks after the first two, in order. */
const SETTINGS_CHECKS = [
  CHECK_NAMES.commentActionType,
  CHECK_NAMES.ticketTypes,
  CHECK_NAMES.statuses,
  CHECK_NAMES.correlationField,
] as const;

/**
 * What an admin reads when the address is outside the app's egress (manifest.yml permissions.external.fetch.backend,
 * `https://*.teamsupport.com`): what to enter, not how to change the manifest, which a Jira admin cannot do.
 */
export const ADDRESS_NOT_CALLABLE =
  'This address is not one the app may call: use your TeamSupport address, https://<name>.teamsupport.com.';

/**
 * The whole list for an address the app may not call: one failed line, every other line not checked. Nothing was sent,
 * so nothing is claimed about the server.
 */
export function addressNotCallableChecks(): ConnectionCheck[] {
  const reason = 'the app may not call this address';
  return [
    fail(CHECK_NAMES.reachable, ADDRESS_NOT_CALLABLE),
    ...[CHECK_NAMES.credentials, ...SETTINGS_CHECKS].map((name) => notChecked(name, reason)),
  ];
}

/** The first two lines from the first request: did the server answer, and did it accept the credentials? */
function accessChecks(error: unknown, client: TeamSupportClient): ConnectionCheck[] {
  const host = client.baseUrl;
  if (error === undefined) {
    return [
      pass(CHECK_NAMES.reachable, `${host} answered as a TeamSupport API.`),
      pass(CHECK_NAMES.credentials, `Organization ${client.organizationId} accepted the API token.`),
    ];
  }
  if (error instanceof EgressBlockedError) {
    // Nothing reached TeamSupport: the address is one the app may never call, whatever the server would say.
    return addressNotCallableChecks().slice(0, 2);
  }
  const message = describeError(error);
  const answered = isIntegrationError(error) && ['auth', 'permission', 'rate-limited'].includes(error.kind);
  if (!answered) {
    return [
      fail(CHECK_NAMES.reachable, message),
      notChecked(CHECK_NAMES.credentials, 'the server did not answer as TeamSupport'),
    ];
  }
  return [
    pass(CHECK_NAMES.reachable, `${host} answered as a TeamSupport API.`),
    fail(CHECK_NAMES.credentials, message),
  ];
}

async function line(name: string, check: () => Promise<ConnectionCheck>): Promise<ConnectionCheck> {
  try {
    return await check();
  } catch (error) {
    return fail(name, `Could not check: ${describeError(error)}`);
  }
}

async function commentActionTypeCheck(deps: ConnectionCheckDeps, wanted: string): Promise<ConnectionCheck> {
  const actionTypes = await deps.lookups.actionTypes();
  const found = findByName(actionTypes, wanted, (type) => type.Name);
  if (found) return pass(CHECK_NAMES.commentActionType, `Action type "${found.Name}" exists.`);
  return fail(
    CHECK_NAMES.commentActionType,
    `TeamSupport has no action type named "${wanted}" (available: ${quoted(actionTypes.map((t) => t.Name))}). ` +
      'Create it under Admin → Customization → Action Types or choose an existing one.',
  );
}

/** The configured types that exist; all types for 'all'. */
function syncedTypes(
  types: readonly WireTicketType[],
  wanted: ConnectionExpectations['ticketTypes'],
): WireTicketType[] {
  if (wanted === 'all') return [...types];
  return types.filter((type) => wanted.some((name) => sameName(name, type.Name)));
}

function ticketTypesCheck(
  types: readonly WireTicketType[],
  wanted: ConnectionExpectations['ticketTypes'],
): ConnectionCheck {
  const available = types.map((type) => type.Name);
  if (wanted === 'all') {
    return types.length === 0
      ? fail(CHECK_NAMES.ticketTypes, 'The organization has no ticket types.')
      : pass(CHECK_NAMES.ticketTypes, `All ${types.length} ticket types are synced: ${quoted(available)}.`);
  }
  const missing = wanted.filter((name) => !findByName(types, name, (type) => type.Name));
  if (missing.length > 0) {
    return fail(
      CHECK_NAMES.ticketTypes,
      `Not found in TeamSupport: ${quoted(missing)} (available: ${quoted(available)}).`,
    );
  }
  return pass(CHECK_NAMES.ticketTypes, `Found: ${quoted(wanted)}.`);
}

async function statusesCheck(deps: ConnectionCheckDeps, names: readonly string[]): Promise<ConnectionCheck> {
  const unique = names.filter((name, index) => names.findIndex((other) => sameName(other, name)) === index);
  if (unique.length === 0) return pass(CHECK_NAMES.statuses, 'No status mapping names a TeamSupport status.');
  const [statuses, types] = await Promise.all([deps.lookups.ticketStatuses(), deps.lookups.ticketTypes()]);
  const typeName = (id: string) => types.find((type) => type.TicketTypeID === id)?.Name ?? `type ${id}`;
  const missing: string[] = [];
  const found: string[] = [];
  for (const name of unique) {
    const onTypes = statuses
      .filter((status) => sameName(status.Name, name))
      .map((s) => typeName(s.TicketTypeID));
    if (onTypes.length === 0) missing.push(name);
    else found.push(`"${name}" (${onTypes.join(', ')})`);
  }
  if (missing.length > 0) {
    return fail(
      CHECK_NAMES.statuses,
      `No ticket type has the status ${quoted(missing)}. Statuses are defined per ticket type under Admin → ` +
        'Customization → Ticket Types; fix the status mapping or add the status.',
    );
  }
  return pass(CHECK_NAMES.statuses, `Found: ${found.join('; ')}.`);
}

async function sampleTicket(
  deps: ConnectionCheckDeps,
  type: WireTicketType,
): Promise<WireTicket | undefined> {
  const page = await deps.client.get('/tickets', {
    query: [
      ['TicketTypeID', type.TicketTypeID],
      ['pageNumber', '1'],
      ['pageSize', '1'],
    ],
    parse: (json) => parseWire(deps.schemas.ticketPage, json, { what: 'a page of tickets', root: 'Tickets' }),
  });
  return page.items.find((ticket) => ticket.TicketTypeID === type.TicketTypeID);
}

/**
 * TeamSupport has no endpoint listing custom fields, and a ticket only shows the fields of its own type
 * (docs/teamsupport-api.md §7), so the field is looked for on one existing ticket of each synced type.
 */
async function correlationFieldCheck(
  deps: ConnectionCheckDeps,
  field: string | undefined,
  wantedTypes: ConnectionExpectations['ticketTypes'],
): Promise<ConnectionCheck> {
  if (field === undefined) {
    return pass(
      CHECK_NAMES.correlationField,
      'No correlation field is set: agents cannot request Jira issues from tickets.',
    );
  }
  const types = syncedTypes(await deps.lookups.ticketTypes(), wantedTypes);
  const has: string[] = [];
  const lacks: string[] = [];
  const unknown: string[] = [];
  for (const type of types) {
    const ticket = await sampleTicket(deps, type);
    if (!ticket) unknown.push(type.Name);
    else if (Object.keys(ticket.CustomFields).some((key) => sameName(key, field))) has.push(type.Name);
    else lacks.push(`${type.Name} (ticket ${ticket.TicketNumber})`);
  }
  const unchecked =
    unknown.length > 0 ? ` Not verifiable for ${quoted(unknown)}: no ticket of that type exists yet.` : '';
  if (lacks.length > 0) {
    return fail(
      CHECK_NAMES.correlationField,
      `The custom field "${field}" is missing on ${lacks.join(', ')}. Add it to every synced ticket type under Admin → ` +
        `Customization → Custom Fields (its API name must be ${field}).${unchecked}`,
    );
  }
  if (has.length === 0) {
    return fail(
      CHECK_NAMES.correlationField,
      `Could not verify "${field}": TeamSupport cannot list custom fields, and no ticket of the synced types exists ` +
        'to look at. Create a ticket of each synced type and test again.',
    );
  }
  return pass(CHECK_NAMES.correlationField, `Found "${field}" on tickets of ${quoted(has)}.${unchecked}`);
}

export async function checkConnection(
  deps: ConnectionCheckDeps,
  expectations: ConnectionExpectations,
): Promise<ConnectionCheck[]> {
  let types: WireTicketType[] = [];
  let accessError: unknown;
  try {
    types = await deps.lookups.ticketTypes();
  } catch (error) {
    accessError = error;
  }
  const access = accessChecks(accessError, deps.client);
  if (accessError !== undefined) {
    return [...access, ...SETTINGS_CHECKS.map((name) => notChecked(name, 'fix the connection first'))];
  }
  return [
    ...access,
    await line(CHECK_NAMES.commentActionType, () =>
      commentActionTypeCheck(deps, expectations.commentActionType),
    ),
    ticketTypesCheck(types, expectations.ticketTypes),
    await line(CHECK_NAMES.statuses, () => statusesCheck(deps, expectations.statusNames)),
    await line(CHECK_NAMES.correlationField, () =>
      correlationFieldCheck(deps, expectations.correlationField, expectations.ticketTypes),
    ),
  ];
}
