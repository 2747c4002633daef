// The fixed columns of a ticket (docs/teamsupport-api.md §5 field order), each readable on its own: a list filter reads
// only the columns it names, and only the rows of the returned page are written in full.
import type { TicketRecord } from '../model';
import type { EmulatorState } from '../state';
import { cell, type Cell } from '../wire/cells';
import { ticketFacts, type TicketFacts } from './ticket-facts';

/** One ticket as of a request; the joined facts are worked out on first use. */
export class TicketRow {
  private joined: TicketFacts | undefined;

  constructor(
    readonly state: EmulatorState,
    readonly ticket: TicketRecord,
    readonly now: Date,
  ) {}

  get facts(): TicketFacts {
    this.joined ??= ticketFacts(this.state, this.ticket, this.now);
    return this.joined;
  }
}

export interface TicketColumn {
  readonly name: string;
  readonly kind: Cell['kind'];
  readonly read: (row: TicketRow) => Cell;
}

const int = (name: string, value: (row: TicketRow) => number | null): TicketColumn => ({
  name,
  kind: 'int',
  read: (row) => cell.int(name, value(row)),
});
const decimal = (name: string, value: (row: TicketRow) => number | null): TicketColumn => ({
  name,
  kind: 'decimal',
  read: (row) => cell.decimal(name, value(row)),
});
const bool = (name: string, value: (row: TicketRow) => boolean | null): TicketColumn => ({
  name,
  kind: 'bool',
  read: (row) => cell.bool(name, value(row)),
});
const date = (name: string, value: (row: TicketRow) => Date | null): TicketColumn => ({
  name,
  kind: 'date',
  read: (row) => cell.date(name, value(row)),
});
const text = (name: string, value: (row: TicketRow) => string | null): TicketColumn => ({
  name,
  kind: 'text',
  read: (row) => cell.text(name, value(row)),
});

/** Every column before Customers, Contacts, the custom fields and Tags, in wire order. */
export const TICKET_COLUMNS: readonly TicketColumn[] = [
  int('TicketID', (r) => r.ticket.id),
  text('ProductName', (r) => r.facts.productName),
  text('ReportedVersion', (r) => r.facts.reportedVersion),
  text('SolvedVersion', (r) => r.facts.solvedVersion),
  text('GroupName', (r) => r.facts.groupName),
  text('TicketTypeName', (r) => r.facts.ticketTypeName),
  text('UserName', (r) => r.facts.userName),
  text('Status', (r) => r.facts.status),
  int('StatusPosition', (r) => r.facts.statusPosition),
  int('SeverityPosition', (r) => r.facts.severityPosition),
  bool('IsClosed', (r) => r.facts.isClosed),
  text('Severity', (r) => r.facts.severity),
  int('TicketNumber', (r) => r.ticket.ticketNumber),
  bool('IsVisibleOnPortal', (r) => r.ticket.isVisibleOnPortal),
  bool('IsKnowledgeBase', (r) => r.ticket.isKnowledgeBase),
  int('ReportedVersionID', (r) => r.ticket.reportedVersionId),
  int('SolvedVersionID', (r) => r.ticket.solvedVersionId),
  int('ProductID', (r) => r.ticket.productId),
  int('GroupID', (r) => r.ticket.groupId),
  int('UserID', (r) => r.ticket.userId),
  int('TicketStatusID', (r) => r.ticket.ticketStatusId),
  int('TicketTypeID', (r) => r.ticket.ticketTypeId),
  int('TicketSeverityID', (r) => r.ticket.ticketSeverityId),
  int('OrganizationID', (r) => r.ticket.orgId),
  text('Name', (r) => r.ticket.name),
  int('ParentID', (r) => r.ticket.parentId),
  int('ModifierID', (r) => r.ticket.modifierId),
  int('CreatorID', (r) => r.ticket.creatorId),
  date('DateModified', (r) => r.ticket.dateModified),
  date('DateCreated', (r) => r.ticket.dateCreated),
  date('DateClosed', (r) => r.ticket.dateClosed),
  int('CloserID', (r) => r.ticket.closerId),
  int('DaysClosed', (r) => r.facts.daysClosed),
  int('DaysOpened', (r) => r.facts.daysOpened),
  text('CloserName', (r) => r.facts.closerName),
  text('CreatorName', (r) => r.facts.creatorName),
  text('ModifierName', (r) => r.facts.modifierName),
  decimal('HoursSpent', (r) => r.facts.hoursSpent),
  date('SlaViolationTime', () => null),
  date('SlaWarningTime', () => null),
  decimal('SlaViolationHours', () => 0),
  decimal('SlaWarningHours', () => 0),
  int('KnowledgeBaseCategoryID', (r) => r.ticket.knowledgeBaseCategoryId),
  text('KnowledgeBaseCategoryName', () => null),
  date('DueDate', (r) => r.ticket.dueDate),
  text('TicketSource', (r) => r.ticket.ticketSource),
  text('JiraKey', (r) => r.ticket.jiraKey),
];

const byLowerName = new Map<string, TicketColumn>();
for (const column of TICKET_COLUMNS) {
  if (!byLowerName.has(column.name.toLowerCase())) byLowerName.set(column.name.toLowerCase(), column);
}

/** The fixed column a filter names (field names are case-insensitive), if any. */
export function ticketColumn(name: string): TicketColumn | undefined {
  return byLowerName.get(name.toLowerCase());
}
