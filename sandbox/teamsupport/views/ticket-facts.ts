// The joined ticket row (TicketsView): names and positions of everything a ticket points at. Shared by the ticket
// view and the action view, which repeats the ticket's columns.
import type { EmulatorState } from '../state';
import type { TicketRecord } from '../model';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TicketFacts {
  readonly ticket: TicketRecord;
  readonly ticketTypeName: string | null;
  readonly status: string | null;
  readonly statusPosition: number | null;
  readonly isClosed: boolean;
  readonly severity: string | null;
  readonly severityPosition: number | null;
  readonly productName: string | null;
  readonly reportedVersion: string | null;
  readonly solvedVersion: string | null;
  readonly groupName: string | null;
  readonly userName: string | null;
  readonly closerName: string | null;
  readonly creatorName: string | null;
  readonly modifierName: string | null;
  readonly daysOpened: number;
  readonly daysClosed: number;
  /** sum of the actions' TimeSpent (minutes), in hours */
  readonly hoursSpent: number;
}

export function ticketFacts(state: EmulatorState, ticket: TicketRecord, now: Date): TicketFacts {
  const status = state.ticketStatuses.get(ticket.ticketStatusId);
  const severity =
    ticket.ticketSeverityId === null ? undefined : state.severities.get(ticket.ticketSeverityId);
  const versionName = (id: number | null): string | null =>
    id === null ? null : (state.versions.get(id)?.versionNumber ?? null);
  const minutes = state.actionsOfTicket(ticket.id).reduce((sum, action) => sum + (action.timeSpent ?? 0), 0);
  const openedUntil = ticket.dateClosed ?? now;
  return {
    ticket,
    ticketTypeName: state.ticketTypes.get(ticket.ticketTypeId)?.name ?? null,
    status: status?.name ?? null,
    statusPosition: status?.position ?? null,
    isClosed: status?.isClosed ?? false,
    severity: severity?.name ?? null,
    severityPosition: severity?.position ?? null,
    productName: ticket.productId === null ? null : (state.products.get(ticket.productId)?.name ?? null),
    reportedVersion: versionName(ticket.reportedVersionId),
    solvedVersion: versionName(ticket.solvedVersionId),
    groupName: ticket.groupId === null ? null : (state.groups.get(ticket.groupId)?.name ?? null),
    userName: state.personName(ticket.userId),
    closerName: state.personName(ticket.closerId),
    creatorName: state.personName(ticket.creatorId),
    modifierName: state.personName(ticket.modifierId),
    daysOpened: Math.max(0, Math.floor((openedUntil.getTime() - ticket.dateCreated.getTime()) / DAY_MS)),
    daysClosed: ticket.dateClosed
      ? Math.max(0, Math.floor((now.getTime() - ticket.dateClosed.getTime()) / DAY_MS))
      : 0,
    hoursSpent: minutes / 60,
  };
}
