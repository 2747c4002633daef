// Tickets and actions of an organisation as an agent sees them: create, change, close, comment, delete, read.
import { DomainError } from '../domain/domain-error';
import { addAction } from '../domain/action-ops';
import {
  addDescriptionAction,
  applyClosedTransition,
  createTicketRecord,
  deleteTicket,
  firstStatusOfType,
  isTicketClosed,
  setCustomValue,
  setTicketStatus,
  statusOfType,
  touchTicket,
} from '../domain/ticket-ops';
import { SYSTEM_ACTION_TYPE, SYSTEM_USER, type HistoryRecord, type TicketRecord } from '../model';
import { byPositionThenId } from '../state';
import { asAdminWrite, parseAdminInput as parse } from './org-scope';
import { OrgSetup } from './org-setup';
import { AdminError } from './refs';
import {
  addActionInput,
  createTicketInput,
  updateTicketInput,
  type AddActionInput,
  type CreateTicketInput,
  type Ref,
  type UpdateTicketInput,
} from './schemas';
import { actionSnapshot, ticketSnapshot, type ActionSnapshot, type TicketSnapshot } from './snapshots';

export class OrgTickets extends OrgSetup {
  protected ticketRow(idOrNumber: number): TicketRecord {
    const byId = this.state.tickets.get(idOrNumber);
    const ticket = byId?.orgId === this.id ? byId : this.state.ticketByNumber(this.id, idOrNumber);
    if (!ticket) throw new AdminError(404, `Unknown ticket ${idOrNumber}`);
    return ticket;
  }

  protected versionRef(productId: number | null, reference: Ref | null | undefined): number | null {
    return reference === null || reference === undefined ? null : this.version(productId, reference).id;
  }

  createTicket(input: CreateTicketInput): TicketSnapshot {
    const parsed = parse(createTicketInput, input);
    const org = this.org;
    const now = this.now();
    const type =
      parsed.ticketType === undefined
        ? this.state.ticketTypesOf(this.id)[0]
        : this.ticketType(parsed.ticketType);
    if (!type) throw new AdminError(400, 'The organization has no ticket types');
    const creatorId = parsed.creator === undefined ? SYSTEM_USER.api : this.person(parsed.creator);
    const productId = parsed.product == null ? null : this.product(parsed.product).id;
    return asAdminWrite(() => {
      const ticket = createTicketRecord(this.state, org, {
        name: parsed.name,
        ticketTypeId: type.id,
        ticketStatusId:
          parsed.status === undefined
            ? firstStatusOfType(this.state, type.id).id
            : this.ticketStatus(type.id, parsed.status).id,
        ticketSeverityId:
          parsed.severity === undefined
            ? (this.state.inOrg(this.state.severities, this.id).sort(byPositionThenId)[0]?.id ?? null)
            : this.severity(parsed.severity).id,
        userId: parsed.assignee == null ? null : this.user(parsed.assignee).id,
        groupId: parsed.group == null ? null : this.group(parsed.group).id,
        productId,
        reportedVersionId: this.versionRef(productId, parsed.reportedVersion),
        solvedVersionId: this.versionRef(productId, parsed.solvedVersion),
        parentId: null,
        isVisibleOnPortal: parsed.isVisibleOnPortal,
        isKnowledgeBase: parsed.isKnowledgeBase,
        dateCreated: parsed.dateCreated ?? now,
        dateClosed: null,
        closerId: null,
        creatorId,
        importId: '',
        ticketSource: parsed.source,
        ticketNumber: parsed.ticketNumber,
        customerIds: parsed.customers.map((reference) => this.customer(reference).id),
        contactIds: parsed.contacts.map((reference) => this.contact(reference).id),
        tags: parsed.tags,
      });
      ticket.jiraKey = parsed.jiraKey;
      for (const [apiName, value] of Object.entries(parsed.customFields)) {
        if (!setCustomValue(this.state, org, ticket, apiName, value)) {
          throw new DomainError(`Custom field ${apiName} is not on ticket type ${type.name}`);
        }
      }
      addDescriptionAction(this.state, ticket, parsed.description, creatorId, ticket.dateCreated);
      return ticketSnapshot(this.state, ticket);
    });
  }

  /** Change a ticket as an agent would in the TeamSupport UI (names or ids accepted). */
  updateTicket(ticketIdOrNumber: number, input: UpdateTicketInput): TicketSnapshot {
    const parsed = parse(updateTicketInput, input);
    const ticket = this.ticketRow(ticketIdOrNumber);
    const org = this.org;
    const now = this.now();
    const actorId = parsed.actor === undefined ? SYSTEM_USER.api : this.person(parsed.actor);
    return asAdminWrite(() => {
      const wasClosed = isTicketClosed(this.state, ticket);
      if (parsed.ticketType !== undefined) {
        const type = this.ticketType(parsed.ticketType);
        ticket.ticketTypeId = type.id;
        if (
          parsed.status === undefined &&
          this.state.ticketStatuses.get(ticket.ticketStatusId)?.ticketTypeId !== type.id
        ) {
          ticket.ticketStatusId = firstStatusOfType(this.state, type.id).id;
        }
      }
      if (parsed.status !== undefined) {
        ticket.ticketStatusId = statusOfType(
          this.state,
          ticket.ticketTypeId,
          this.ticketStatus(ticket.ticketTypeId, parsed.status).id,
        ).id;
      }
      if (parsed.name !== undefined) ticket.name = parsed.name;
      if (parsed.severity !== undefined) {
        ticket.ticketSeverityId = parsed.severity === null ? null : this.severity(parsed.severity).id;
      }
      if (parsed.assignee !== undefined)
        ticket.userId = parsed.assignee === null ? null : this.user(parsed.assignee).id;
      if (parsed.group !== undefined)
        ticket.groupId = parsed.group === null ? null : this.group(parsed.group).id;
      if (parsed.product !== undefined)
        ticket.productId = parsed.product === null ? null : this.product(parsed.product).id;
      if (parsed.reportedVersion !== undefined) {
        ticket.reportedVersionId = this.versionRef(ticket.productId, parsed.reportedVersion);
      }
      if (parsed.solvedVersion !== undefined) {
        ticket.solvedVersionId = this.versionRef(ticket.productId, parsed.solvedVersion);
      }
      if (parsed.isVisibleOnPortal !== undefined) ticket.isVisibleOnPortal = parsed.isVisibleOnPortal;
      if (parsed.isKnowledgeBase !== undefined) ticket.isKnowledgeBase = parsed.isKnowledgeBase;
      if (parsed.customers !== undefined)
        ticket.customerIds = parsed.customers.map((c) => this.customer(c).id);
      if (parsed.contacts !== undefined) ticket.contactIds = parsed.contacts.map((c) => this.contact(c).id);
      if (parsed.tags !== undefined) ticket.tags = [...new Set(parsed.tags)];
      if (parsed.jiraKey !== undefined) ticket.jiraKey = parsed.jiraKey;
      for (const [apiName, value] of Object.entries(parsed.customFields ?? {})) {
        if (!setCustomValue(this.state, org, ticket, apiName, value)) {
          throw new DomainError(`Custom field ${apiName} is not on the ticket's type`);
        }
      }
      applyClosedTransition(ticket, wasClosed, isTicketClosed(this.state, ticket), actorId, now);
      touchTicket(this.state, ticket, actorId, now);
      return ticketSnapshot(this.state, ticket);
    });
  }

  /** Change the status (by id or by name within the ticket's type) as an agent. */
  setStatus(ticketIdOrNumber: number, status: Ref, actor?: Ref): TicketSnapshot {
    const ticket = this.ticketRow(ticketIdOrNumber);
    const actorId = actor === undefined ? SYSTEM_USER.api : this.person(actor);
    const statusId = this.ticketStatus(ticket.ticketTypeId, status).id;
    asAdminWrite(() => setTicketStatus(this.state, ticket, statusId, actorId, this.now()));
    return ticketSnapshot(this.state, ticket);
  }

  /** Set a custom field by API name; the field must exist on the ticket's type. */
  setCustomField(
    ticketIdOrNumber: number,
    apiName: string,
    value: string | null,
    actor?: Ref,
  ): TicketSnapshot {
    return this.updateTicket(ticketIdOrNumber, { customFields: { [apiName]: value }, actor });
  }

  /** Add an action as an agent or a customer contact (e.g. a portal comment or an inbound e-mail). */
  addAction(ticketIdOrNumber: number, input: AddActionInput): ActionSnapshot {
    const parsed = parse(addActionInput, input);
    const ticket = this.ticketRow(ticketIdOrNumber);
    const creatorId = parsed.creator === undefined ? SYSTEM_USER.api : this.person(parsed.creator);
    const actionTypeId = parsed.actionType === undefined ? null : this.actionType(parsed.actionType).id;
    const at = parsed.dateCreated ?? this.now();
    const action = addAction(this.state, ticket, {
      actionTypeId,
      systemActionTypeId: parsed.systemActionTypeId ?? SYSTEM_ACTION_TYPE.custom,
      name: parsed.name,
      description: parsed.description,
      timeSpent: parsed.timeSpent,
      dateStarted: at,
      isVisibleOnPortal: parsed.isVisibleOnPortal,
      isKnowledgeBase: parsed.isKnowledgeBase,
      dateCreated: at,
      creatorId,
      // The ticket changes when the action is written; a back-dated action never moves DateModified backwards.
      touchTicket: { at: at > ticket.dateModified ? at : ticket.dateModified, actorId: creatorId },
    });
    return actionSnapshot(this.state, action);
  }

  deleteTicket(ticketIdOrNumber: number, deleter?: Ref): void {
    const ticket = this.ticketRow(ticketIdOrNumber);
    const deleterId = deleter === undefined ? SYSTEM_USER.api : this.person(deleter);
    deleteTicket(this.state, ticket, deleterId, this.now());
  }

  ticket(ticketIdOrNumber: number): TicketSnapshot {
    return ticketSnapshot(this.state, this.ticketRow(ticketIdOrNumber));
  }

  tickets(): TicketSnapshot[] {
    return this.state.ticketsOf(this.id).map((ticket) => ticketSnapshot(this.state, ticket));
  }

  /** Actions of a ticket, newest first (like the API). */
  actions(ticketIdOrNumber: number): ActionSnapshot[] {
    const ticket = this.ticketRow(ticketIdOrNumber);
    return this.state
      .actionsOfTicket(ticket.id)
      .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime() || b.id - a.id)
      .map((action) => actionSnapshot(this.state, action));
  }

  history(ticketIdOrNumber: number): HistoryRecord[] {
    const ticket = this.ticketRow(ticketIdOrNumber);
    return [...this.state.history.values()].filter((entry) => entry.ticketId === ticket.id);
  }

  deletedTickets(): { ticketId: number; ticketNumber: number; name: string; dateDeleted: Date }[] {
    return this.state
      .inOrg(this.state.deletedTickets, this.id)
      .map(({ ticketId, ticketNumber, name, dateDeleted }) => ({
        ticketId,
        ticketNumber,
        name,
        dateDeleted,
      }));
  }
}
