// The emulator's in-memory database: one table per record kind, ids from per-kind sequences shared by all orgs.
import type {
  ActionRecord,
  ActionTypeRecord,
  ContactRecord,
  CustomFieldRecord,
  CustomerRecord,
  DeletedTicketRecord,
  GroupRecord,
  HistoryRecord,
  OrgRecord,
  ProductRecord,
  SeverityRecord,
  TicketRecord,
  TicketStatusRecord,
  TicketTypeRecord,
  UserRecord,
  VersionRecord,
  VersionStatusRecord,
} from './model';
import { OrgTicketIndex } from './ticket-index';

// First id of each kind: realistic magnitudes, and far apart so an id of one kind is never mistaken for another.
const FIRST_IDS = {
  org: 1100001,
  ticketType: 87950,
  ticketStatus: 735100,
  severity: 86430,
  actionType: 26920,
  product: 42920,
  versionStatus: 5100,
  version: 12340,
  group: 50840,
  user: 1159330,
  customer: 880000,
  contact: 2200000,
  customField: 61000,
  ticket: 745890,
  action: 52395700,
  deletedTicket: 9100,
  history: 700000,
} as const;

export type IdKind = keyof typeof FIRST_IDS;

interface OrgOwned {
  readonly id: number;
  readonly orgId: number;
}

/** A ticket as the state holds it: the one place allowed to change DateModified (and keep the index right). */
export interface StoredTicket extends TicketRecord {
  dateModified: Date;
}

export class EmulatorState {
  readonly orgs = new Map<number, OrgRecord>();
  readonly ticketTypes = new Map<number, TicketTypeRecord>();
  readonly ticketStatuses = new Map<number, TicketStatusRecord>();
  readonly severities = new Map<number, SeverityRecord>();
  readonly actionTypes = new Map<number, ActionTypeRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly versionStatuses = new Map<number, VersionStatusRecord>();
  readonly versions = new Map<number, VersionRecord>();
  readonly groups = new Map<number, GroupRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly customers = new Map<number, CustomerRecord>();
  readonly contacts = new Map<number, ContactRecord>();
  readonly customFields = new Map<number, CustomFieldRecord>();
  /** read freely; write through insertTicket/removeTicket/setTicketDateModified so the org indexes stay right */
  get tickets(): ReadonlyMap<number, TicketRecord> {
    return this.ticketRows;
  }
  /** read freely; write through insertAction/deleteActionsOfTicket so the per-ticket index stays right */
  readonly actions = new Map<number, ActionRecord>();
  readonly deletedTickets = new Map<number, DeletedTicketRecord>();
  readonly history = new Map<number, HistoryRecord>();

  private readonly nextIds = new Map<IdKind, number>();
  private readonly actionIdsByTicket = new Map<number, Set<number>>();
  private readonly ticketRows = new Map<number, StoredTicket>();
  private readonly ticketIndexes = new Map<number, OrgTicketIndex>();

  /** Empty every table and restart the id sequences. */
  clear(): void {
    for (const table of [
      this.orgs,
      this.ticketTypes,
      this.ticketStatuses,
      this.severities,
      this.actionTypes,
      this.products,
      this.versionStatuses,
      this.versions,
      this.groups,
      this.users,
      this.customers,
      this.contacts,
      this.customFields,
      this.ticketRows,
      this.actions,
      this.deletedTickets,
      this.history,
    ]) {
      table.clear();
    }
    this.nextIds.clear();
    this.actionIdsByTicket.clear();
    this.ticketIndexes.clear();
  }

  nextId(kind: IdKind): number {
    const id = this.nextIds.get(kind) ?? FIRST_IDS[kind];
    this.nextIds.set(kind, id + 1);
    return id;
  }

  /** The next id of each kind used so far, for snapshots: a restored state continues after the saved ids. */
  idPositions(): Array<[IdKind, number]> {
    return [...this.nextIds];
  }

  /** Reserve an id chosen by the caller so the sequence never hands it out again. */
  reserveId(kind: IdKind, id: number): void {
    const next = this.nextIds.get(kind) ?? FIRST_IDS[kind];
    if (id >= next) this.nextIds.set(kind, id + 1);
  }

  inOrg<R extends OrgOwned>(table: ReadonlyMap<number, R>, orgId: number): R[] {
    return [...table.values()].filter((row) => row.orgId === orgId);
  }

  /** Ticket types of the org in display order. */
  ticketTypesOf(orgId: number): TicketTypeRecord[] {
    return this.inOrg(this.ticketTypes, orgId).sort(byPositionThenId);
  }

  statusesOfType(ticketTypeId: number): TicketStatusRecord[] {
    return [...this.ticketStatuses.values()]
      .filter((status) => status.ticketTypeId === ticketTypeId)
      .sort(byPositionThenId);
  }

  customFieldsOfType(orgId: number, ticketTypeId: number): CustomFieldRecord[] {
    return this.inOrg(this.customFields, orgId)
      .filter((field) => field.ticketTypeIds.includes(ticketTypeId))
      .sort(byPositionThenId);
  }

  ticketByNumber(orgId: number, ticketNumber: number): TicketRecord | undefined {
    return this.ticketIndexes.get(orgId)?.byNumber.find(ticketNumber);
  }

  ticketCount(orgId: number): number {
    return this.ticketIndexes.get(orgId)?.byNumber.size ?? 0;
  }

  /** The org's tickets ordered by TicketNumber. */
  ticketsOf(orgId: number): TicketRecord[] {
    return this.ticketIndexes.get(orgId)?.byNumber.all() ?? [];
  }

  /** The org's tickets modified strictly after `atMs` (or strictly before), in DateModified order. */
  ticketsModified(orgId: number, side: 'after' | 'before', atMs: number): TicketRecord[] {
    const byDate = this.ticketIndexes.get(orgId)?.byDateModified;
    if (!byDate) return [];
    return side === 'after' ? byDate.above(atMs) : byDate.below(atMs);
  }

  insertTicket(ticket: StoredTicket): void {
    this.ticketRows.set(ticket.id, ticket);
    let index = this.ticketIndexes.get(ticket.orgId);
    if (!index) {
      index = new OrgTicketIndex();
      this.ticketIndexes.set(ticket.orgId, index);
    }
    index.add(ticket);
  }

  /** Remove a ticket and its actions. */
  removeTicket(ticketId: number): void {
    const ticket = this.ticketRows.get(ticketId);
    if (!ticket) return;
    this.ticketRows.delete(ticketId);
    this.ticketIndexes.get(ticket.orgId)?.remove(ticket);
    this.deleteActionsOfTicket(ticketId);
  }

  setTicketDateModified(ticket: TicketRecord, at: Date): void {
    const stored = this.ticketRows.get(ticket.id);
    if (stored !== ticket) throw new Error(`Ticket ${ticket.id} is not in the emulator's state`);
    this.ticketIndexes.get(stored.orgId)?.moveDateModified(stored, stored.dateModified, at);
    stored.dateModified = at;
  }

  actionsOfTicket(ticketId: number): ActionRecord[] {
    const ids = this.actionIdsByTicket.get(ticketId) ?? new Set<number>();
    return [...ids].flatMap((id) => this.actions.get(id) ?? []);
  }

  insertAction(action: ActionRecord): void {
    this.actions.set(action.id, action);
    const ids = this.actionIdsByTicket.get(action.ticketId) ?? new Set<number>();
    ids.add(action.id);
    this.actionIdsByTicket.set(action.ticketId, ids);
  }

  deleteActionsOfTicket(ticketId: number): void {
    for (const id of this.actionIdsByTicket.get(ticketId) ?? []) this.actions.delete(id);
    this.actionIdsByTicket.delete(ticketId);
  }

  /** Display name of a user or contact id; system users (negative ids) and unknown ids have none. */
  personName(id: number | null): string | null {
    if (id === null) return null;
    const person = this.users.get(id) ?? this.contacts.get(id);
    return person ? `${person.firstName} ${person.lastName}`.trim() : null;
  }
}

export function byPositionThenId(
  a: { position: number; id: number },
  b: { position: number; id: number },
): number {
  return a.position - b.position || a.id - b.id;
}
