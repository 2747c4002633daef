// The TicketSystem port over TeamSupport's REST API (docs/teamsupport-api.md). One object per instance and invocation:
// lookups (types, statuses, action types, products, versions, users) are read at most once in its life.
import { isKnownTimeZone, type StoredInstance } from '../../domain/config';
import type {
  ConnectionCheck,
  NewAction,
  Ticket,
  TicketAction,
  TicketFieldChange,
} from '../../domain/ticket';
import type { Budget } from '../../lib/budget';
import { IntegrationError, isIntegrationError } from '../../lib/errors';
import type { TicketSystem } from '../../sync/ports/ticket-system';
import type {
  ConnectionExpectations,
  NamedItem,
  TicketPage,
  TicketStatusItem,
} from '../../sync/records/tickets';
import { TeamSupportClient, type TeamSupportClientOptions } from './client';
import { checkConnection, CHECK_NAMES } from './connection-check';
import { MissingTicketError } from './failures';
import { ID_FIELDS, TicketUpdatePlanner } from './field-changes';
import { findByName, TeamSupportLookups, type LookupCache } from './lookups';
import {
  newActionBody,
  toNamedItem,
  toTicket,
  toTicketAction,
  toWireFields,
  userToNamedItem,
  versionToNamedItem,
  type WireValue,
} from './mapping';
import { orgSchemas, parseWire, type OrgSchemas, type WireAction, type WireTicket } from './schemas';
import { TicketLists } from './ticket-lists';
import { searchTicketsByName } from './ticket-search';

export type TeamSupportInstance = Pick<StoredInstance, 'baseUrl' | 'organizationId' | 'timeZone'>;

/**
 * Knobs for tests and the composition root: retry waits, clock, jitter, logging, request timeout, and where lookup
 * lists outlive the invocation.
 */
export type TeamSupportOptions = Omit<
  TeamSupportClientOptions,
  'baseUrl' | 'organizationId' | 'apiToken' | 'budget'
> & { lookupCache?: LookupCache };

/** How far back a created action is looked for after a write whose answer was lost. */
const RECOVERY_WINDOW_MS = 10 * 60 * 1000;
const INT32_MAX = 2_147_483_647;

/**
 * A ticket id or number as typed ("#80920001", " 745895 "), or undefined when it cannot be one
 * (docs/teamsupport-api.md §4).
 */
export function ticketReference(idOrNumber: string): string | undefined {
  const text = idOrNumber.trim().replace(/^#\s*/, '');
  if (!/^\d{1,10}$/.test(text) || Number(text) > INT32_MAX || Number(text) === 0) return undefined;
  return String(Number(text));
}

const normaliseHtml = (html: string): string => html.replace(/\s+/g, ' ').trim();

function byCreation(a: TicketAction, b: TicketAction): number {
  return a.dateCreated.getTime() - b.dateCreated.getTime() || Number(a.id) - Number(b.id);
}

function validation(message: string): IntegrationError {
  return new IntegrationError('validation', message, { system: 'teamsupport' });
}

/** A request the connector refuses to send: TeamSupport was never asked, so nothing happened there. */
function refusedBeforeSending(message: string): IntegrationError {
  return new IntegrationError('validation', message, { system: 'teamsupport', notApplied: true });
}

class TeamSupportTicketSystem implements TicketSystem {
  readonly kind = 'teamsupport';
  private readonly client: TeamSupportClient;
  private readonly lookups: TeamSupportLookups;
  private readonly ticketLists: TicketLists;
  private readonly schemas: OrgSchemas;
  private readonly now: () => number;

  constructor(
    instance: TeamSupportInstance,
    token: string,
    budget: Budget,
    { lookupCache, ...options }: TeamSupportOptions,
  ) {
    if (!isKnownTimeZone(instance.timeZone)) {
      throw refusedBeforeSending(
        `The time zone "${instance.timeZone}" of the TeamSupport instance is unknown: set the organization's IANA ` +
          'time zone (e.g. America/Chicago) in the instance settings.',
      );
    }
    this.client = new TeamSupportClient({
      ...options,
      baseUrl: instance.baseUrl,
      organizationId: instance.organizationId,
      apiToken: token,
      budget,
    });
    this.lookups = new TeamSupportLookups(this.client, lookupCache);
    this.schemas = orgSchemas(instance.timeZone);
    this.ticketLists = new TicketLists(this.client, this.schemas);
    this.now = options.now ?? Date.now;
  }

  async getTicket(idOrNumber: string): Promise<Ticket | undefined> {
    const ref = ticketReference(idOrNumber);
    if (ref === undefined) return undefined;
    try {
      return toTicket(await this.readTicket(ref));
    } catch (error) {
      if (error instanceof MissingTicketError) return undefined;
      // Another organization's ticket id: for this instance the ticket does not exist (docs/teamsupport-api.md §13).
      if (isIntegrationError(error) && error.kind === 'permission' && error.details.status === 401)
        return undefined;
      throw error;
    }
  }

  async listTicketsModifiedSince(
    since: Date,
    page: { pageNumber: number; pageSize: number },
  ): Promise<TicketPage> {
    const result = await this.ticketLists.modifiedSince(since, page);
    return { tickets: result.tickets.map(toTicket), totalRecords: result.totalRecords };
  }

  async findTicketsByField(field: string, value: string): Promise<Ticket[]> {
    return (await this.ticketLists.withFieldValue(field, value)).map(toTicket);
  }

  async searchTickets(words: string, limit: number): Promise<Ticket[]> {
    return (await searchTicketsByName(this.ticketLists, words, limit)).map(toTicket);
  }

  async listActions(ticketId: string): Promise<TicketAction[]> {
    const ref = this.existingReference(ticketId);
    const actions = await this.readActions(ref);
    return actions.map((action) => toTicketAction(action, ref)).sort(byCreation);
  }

  async createAction(ticketId: string, action: NewAction): Promise<TicketAction> {
    const ref = this.existingReference(ticketId);
    const actionTypes = await this.lookups.actionTypes();
    const type = findByName(actionTypes, action.actionTypeName, (item) => item.Name);
    if (!type) {
      throw refusedBeforeSending(
        `TeamSupport organization ${this.client.organizationId} has no action type named "${action.actionTypeName}" ` +
          `(available: ${actionTypes.map((item) => `"${item.Name}"`).join(', ') || 'none'}): create it under Admin → ` +
          'Customization → Action Types, or choose another comment action type in the instance settings.',
      );
    }
    const startedAt = this.now();
    const created = await this.client.post(`/tickets/${ref}/actions`, {
      body: { Action: newActionBody(type.id, action.html, action.visibleOnPortal) },
      parse: (json) =>
        parseWire(this.schemas.action, json, { what: 'the created action', root: 'Action' }).item,
      // The first POST may have been stored although its answer was lost: never add the same action twice.
      recover: () => this.findCreatedAction(ref, type.id, action.html, startedAt),
    });
    return toTicketAction(created, ref);
  }

  async setStatus(ticket: Ticket, statusName: string): Promise<'updated' | 'unchanged' | 'unknown-status'> {
    const statuses = await this.lookups.statusesOfType(ticket.ticketTypeId);
    const status = findByName(statuses, statusName, (item) => item.Name);
    if (!status) return 'unknown-status';
    if (status.TicketStatusID === ticket.statusId) return 'unchanged';
    const updated = await this.updateTicket(ticket.id, { TicketStatusID: status.TicketStatusID });
    if (updated.TicketStatusID !== status.TicketStatusID) {
      throw validation(`TeamSupport did not set ticket ${ticket.number} to the status "${status.Name}".`);
    }
    return 'updated';
  }

  async setTicketType(ticket: Ticket, typeName: string): Promise<'updated' | 'unchanged' | 'unknown-type'> {
    const type = findByName(await this.lookups.ticketTypes(), typeName, (item) => item.Name);
    if (!type) return 'unknown-type';
    if (type.TicketTypeID === ticket.ticketTypeId) return 'unchanged';
    const updated = await this.updateTicket(ticket.id, { TicketTypeID: type.TicketTypeID });
    if (updated.TicketTypeID !== type.TicketTypeID) {
      throw validation(`TeamSupport did not change ticket ${ticket.number} to the type "${type.Name}".`);
    }
    return 'updated';
  }

  /** Compares with `ticket` (read it fresh) and writes only what differs, in one PUT. */
  async updateFields(ticket: Ticket, changes: TicketFieldChange[]): Promise<void> {
    const body = await new TicketUpdatePlanner(this.lookups, ticket).plan(changes);
    if (Object.keys(body).length === 0) return;
    const updated = await this.updateTicket(ticket.id, body);
    for (const field of ID_FIELDS) {
      if (field in body && (body[field] ?? null) !== updated[field]) {
        throw validation(`TeamSupport did not apply ${field} to ticket ${ticket.number}.`);
      }
    }
  }

  requestsSent(): number {
    return this.client.requestsSent();
  }

  ticketUrl(ticket: Pick<Ticket, 'id' | 'number'>): string {
    return `${this.client.baseUrl}/Ticket.aspx?ticketid=${encodeURIComponent(ticket.id)}`;
  }

  async testConnection(expectations: ConnectionExpectations): Promise<ConnectionCheck[]> {
    // What the admin is about to rely on is read now, and what the sync caches is refreshed with it.
    this.lookups.readFresh();
    try {
      return await checkConnection(
        { client: this.client, lookups: this.lookups, schemas: this.schemas },
        expectations,
      );
    } catch (error) {
      const message = error instanceof Error ? this.client.redact(error.message) : 'Unknown error';
      return [{ name: CHECK_NAMES.reachable, ok: false, message: `The connection test failed: ${message}` }];
    }
  }

  async listTicketTypes(): Promise<NamedItem[]> {
    return (await this.lookups.ticketTypes()).map((type) => ({ id: type.TicketTypeID, name: type.Name }));
  }

  async listStatuses(): Promise<TicketStatusItem[]> {
    const [statuses, types] = await Promise.all([this.lookups.ticketStatuses(), this.lookups.ticketTypes()]);
    return statuses.map((status) => ({
      id: status.TicketStatusID,
      name: status.Name,
      ticketType:
        types.find((type) => type.TicketTypeID === status.TicketTypeID)?.Name ?? status.TicketTypeID,
      isClosed: status.IsClosed,
    }));
  }

  async listActionTypes(): Promise<NamedItem[]> {
    return (await this.lookups.actionTypes()).map(toNamedItem);
  }

  async listProducts(): Promise<NamedItem[]> {
    return (await this.lookups.products()).map(toNamedItem);
  }

  async listVersions(productId: string): Promise<NamedItem[]> {
    return (await this.lookups.versions(productId)).map(versionToNamedItem);
  }

  async listUsers(): Promise<NamedItem[]> {
    return (await this.lookups.users()).map(userToNamedItem);
  }

  private existingReference(ticketId: string): string {
    const ref = ticketReference(ticketId);
    if (ref === undefined) throw new MissingTicketError(ticketId.trim(), this.client.organizationId);
    return ref;
  }

  private readTicket(ref: string): Promise<WireTicket> {
    return this.client.get(`/tickets/${ref}`, {
      parse: (json) => parseWire(this.schemas.ticket, json, { what: `ticket ${ref}`, root: 'Ticket' }).item,
    });
  }

  private readActions(ref: string): Promise<WireAction[]> {
    // No query parameters: the list is filtered in memory and an unknown parameter empties it
    // (docs/teamsupport-api.md §10).
    return this.client.get(`/tickets/${ref}/actions`, {
      parse: (json) =>
        parseWire(this.schemas.actions, json, { what: `the actions of ticket ${ref}`, root: 'Actions' })
          .items,
    });
  }

  private async findCreatedAction(
    ref: string,
    actionTypeId: string,
    html: string,
    startedAt: number,
  ): Promise<WireAction | undefined> {
    const wanted = normaliseHtml(html);
    const actions = await this.readActions(ref);
    return actions.find(
      (action) =>
        action.ActionTypeID === actionTypeId &&
        normaliseHtml(action.Description) === wanted &&
        action.DateCreated.getTime() >= startedAt - RECOVERY_WINDOW_MS,
    );
  }

  private updateTicket(ticketId: string, fields: Readonly<Record<string, WireValue>>): Promise<WireTicket> {
    const ref = this.existingReference(ticketId);
    return this.client.put(`/tickets/${ref}`, {
      body: { Ticket: toWireFields(fields) },
      parse: (json) =>
        parseWire(this.schemas.ticket, json, { what: `the updated ticket ${ref}`, root: 'Ticket' }).item,
    });
  }
}

/** The TeamSupport connector for one instance, its API token and the invocation's time budget. */
export function createTeamSupport(
  instance: TeamSupportInstance,
  token: string,
  budget: Budget,
  options: TeamSupportOptions = {},
): TicketSystem {
  return new TeamSupportTicketSystem(instance, token, budget, options);
}
