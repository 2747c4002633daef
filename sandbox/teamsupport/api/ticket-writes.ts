// POST and PUT /tickets: which body fields the server reads, in which order it saves, and what it ignores.
import { z } from 'zod';
import { SYSTEM_USER, type OrgRecord, type TicketRecord } from '../model';
import type { EmulatorState } from '../state';
import { DomainError } from '../domain/domain-error';
import {
  addDescriptionAction,
  applyClosedTransition,
  applyJiraKey,
  assertReference,
  createTicketRecord,
  firstStatusOfType,
  isTicketClosed,
  setCustomValue,
  statusOfType,
} from '../domain/ticket-ops';
import { byPositionThenId } from '../state';
import { parseWrappedBody, type RequestFields } from '../wire/request-body';
import { ColumnReader, lenient } from './column-reader';
import type { ApiContext } from './context';
import { failures } from './failures';

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Run a write; a broken data rule becomes the 500 the server's database error would give. */
export function asApiWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof DomainError) throw failures.internal(error.message);
    throw error;
  }
}

function assertTicketReferences(
  state: EmulatorState,
  orgId: number,
  refs: {
    ticketSeverityId?: number | null;
    userId?: number | null;
    groupId?: number | null;
    productId?: number | null;
    reportedVersionId?: number | null;
    solvedVersionId?: number | null;
    knowledgeBaseCategoryId?: number | null;
  },
): void {
  assertReference(state.severities, orgId, refs.ticketSeverityId, 'FK_Tickets_TicketSeverities');
  assertReference(state.users, orgId, refs.userId, 'FK_Tickets_Users');
  assertReference(state.groups, orgId, refs.groupId, 'FK_Tickets_Groups');
  assertReference(state.products, orgId, refs.productId, 'FK_Tickets_Products');
  assertReference(state.versions, orgId, refs.reportedVersionId, 'FK_Tickets_ProductVersions');
  assertReference(state.versions, orgId, refs.solvedVersionId, 'FK_Tickets_ProductVersions1');
  // The emulator has no knowledge-base categories, so any id is unknown.
  assertReference(new Map(), orgId, refs.knowledgeBaseCategoryId, 'FK_Tickets_KnowledgeBaseCategories');
}

/** Custom values by API name, for the fields of the ticket's type only; runs after the ticket row is saved. */
function writeCustomFields(
  state: EmulatorState,
  org: OrgRecord,
  ticket: TicketRecord,
  fields: RequestFields,
): void {
  for (const field of state.customFieldsOfType(org.id, ticket.ticketTypeId)) {
    const value = fields.get(field.apiName);
    if (value === undefined || value.kind === 'structured') continue;
    setCustomValue(state, org, ticket, field.apiName, value.kind === 'empty' ? null : value.text);
  }
}

const tagItem = z.object({ Value: z.union([z.string(), z.number(), z.boolean()]) });

/** `{"Tags": {"Tag": [{"Value": "x"}]}}` replaces the ticket's tags; a malformed Tags node changes nothing. */
function tagsFrom(fields: RequestFields): string[] | undefined {
  const node = fields.get('Tags');
  if (node === undefined) return undefined;
  if (node.kind !== 'structured') return [];
  const children = z.record(z.string(), z.unknown()).safeParse(node.value);
  if (!children.success) return undefined;
  const tags: string[] = [];
  for (const child of Object.values(children.data)) {
    const items: unknown[] = Array.isArray(child) ? child : [child];
    for (const item of items) {
      const parsed = tagItem.safeParse(item);
      if (!parsed.success) return undefined;
      tags.push(String(parsed.data.Value));
    }
  }
  return [...new Set(tags)];
}

/**
 * JiraKey and Tags live in other tables; the server updates them last and swallows their errors
 * (docs/teamsupport-api.md §14).
 */
function writeSeparateTables(
  context: ApiContext,
  ticket: TicketRecord,
  fields: RequestFields,
  actorId: number,
): void {
  const jiraKey = fields.get('JiraKey');
  if (jiraKey !== undefined && jiraKey.kind !== 'structured') {
    applyJiraKey(
      context.state,
      context.org,
      ticket,
      jiraKey.kind === 'text' ? jiraKey.text : '',
      actorId,
      context.now,
    );
  }
  const tags = tagsFrom(fields);
  if (tags !== undefined) ticket.tags = tags;
}

export function createTicketFromBody(context: ApiContext): TicketRecord {
  const { state, org, now } = context;
  const fields = parseWrappedBody(context.body, 'Ticket');
  const reader = new ColumnReader(fields, org.culture, 'Tickets');
  const text = (name: string): string | undefined => lenient(() => reader.text(name)) || undefined;
  const id = (name: string): number | undefined => lenient(() => reader.int(name)) ?? undefined;
  const agentByEmail = (name: string): number | undefined => {
    const email = text(name);
    return email === undefined
      ? undefined
      : state.inOrg(state.users, org.id).find((user) => sameName(user.email, email))?.id;
  };
  /** the id if sent, else the name looked up; an unknown name is ignored like the server's try/catch */
  const lookup = <R extends { id: number }>(
    idField: string,
    nameField: string,
    candidates: () => R[],
    nameOf: (row: R) => string,
  ): number | undefined => {
    const sentId = id(idField);
    if (sentId !== undefined) return sentId;
    const name = text(nameField);
    return name === undefined ? undefined : candidates().find((row) => sameName(nameOf(row), name))?.id;
  };

  const ticketTypeId =
    lookup(
      'TicketTypeID',
      'TicketTypeName',
      () => state.ticketTypesOf(org.id),
      (type) => type.name,
    ) ?? state.ticketTypesOf(org.id)[0]?.id;
  if (ticketTypeId === undefined) throw failures.internal('The organization has no ticket types.');
  const productId = lookup(
    'ProductID',
    'ProductName',
    () => state.inOrg(state.products, org.id),
    (p) => p.name,
  );
  const versionsOfProduct = () =>
    state.inOrg(state.versions, org.id).filter((version) => version.productId === productId);
  const refs = {
    ticketSeverityId:
      lookup(
        'TicketSeverityID',
        'Severity',
        () => state.inOrg(state.severities, org.id),
        (s) => s.name,
      ) ??
      state.inOrg(state.severities, org.id).sort(byPositionThenId)[0]?.id ??
      null,
    userId: id('UserID') ?? agentByEmail('UserEmail') ?? null,
    groupId:
      lookup(
        'GroupID',
        'GroupName',
        () => state.inOrg(state.groups, org.id),
        (g) => g.name,
      ) ?? null,
    productId: productId ?? null,
    reportedVersionId:
      lookup('ReportedVersionID', 'ReportedVersion', versionsOfProduct, (v) => v.versionNumber) ?? null,
    solvedVersionId:
      lookup('SolvedVersionID', 'SolvedVersion', versionsOfProduct, (v) => v.versionNumber) ?? null,
    knowledgeBaseCategoryId: id('KnowledgeBaseCategoryID') ?? null,
  };
  const contactId = resolveContact(state, org, id('ContactID'), text('ContactEmail'), now);
  const customerId = lookup(
    'CustomerID',
    'CustomerName',
    () => state.inOrg(state.customers, org.id),
    (c) => c.name,
  );

  return asApiWrite(() => {
    assertReference(state.ticketTypes, org.id, ticketTypeId, 'FK_Tickets_TicketTypes');
    assertTicketReferences(state, org.id, refs);
    const ticketStatusId =
      lookup(
        'TicketStatusID',
        'Status',
        () => state.statusesOfType(ticketTypeId),
        (s) => s.name,
      ) ?? firstStatusOfType(state, ticketTypeId).id;
    const ticket = createTicketRecord(state, org, {
      ...refs,
      name: text('Name') ?? '',
      ticketTypeId,
      ticketStatusId,
      parentId: id('ParentID') ?? null,
      isVisibleOnPortal: lenient(() => reader.bool('IsVisibleOnPortal')) ?? false,
      isKnowledgeBase: lenient(() => reader.bool('IsKnowledgeBase')) ?? false,
      dateCreated: lenient(() => reader.date('DateCreated')) ?? now,
      dateModified: now,
      dateClosed: lenient(() => reader.date('DateClosed')) ?? null,
      closerId: id('CloserID') ?? agentByEmail('CloserEmail') ?? null,
      creatorId: id('CreatorID') ?? agentByEmail('CreatorEmail') ?? SYSTEM_USER.api,
      importId: text('ImportID') ?? '',
      ticketSource: 'API',
      customerIds: customerId === undefined ? [] : [customerId],
      contactIds: contactId === undefined ? [] : [contactId],
      tags: [],
    });
    // Saved before the custom fields: a bad custom value answers 500 but leaves the ticket (without its
    // Description action) behind, as the server's CreateTicket does.
    writeCustomFields(state, org, ticket, fields);
    addDescriptionAction(state, ticket, text('Description') ?? '', SYSTEM_USER.api, now);
    writeSeparateTables(context, ticket, fields, SYSTEM_USER.api);
    return ticket;
  });
}

/** ContactID, or ContactEmail (an unknown address creates the contact under "_Unknown Company"). */
function resolveContact(
  state: EmulatorState,
  org: OrgRecord,
  contactId: number | undefined,
  email: string | undefined,
  now: Date,
): number | undefined {
  if (contactId !== undefined) return state.contacts.get(contactId)?.orgId === org.id ? contactId : undefined;
  if (email === undefined) return undefined;
  const known = state.inOrg(state.contacts, org.id).find((contact) => sameName(contact.email, email));
  if (known) return known.id;
  let unknownCompany = state.inOrg(state.customers, org.id).find((c) => c.name === '_Unknown Company');
  if (!unknownCompany) {
    const customerId = state.nextId('customer');
    unknownCompany = {
      id: customerId,
      orgId: org.id,
      name: '_Unknown Company',
      dateCreated: now,
      dateModified: now,
      creatorId: SYSTEM_USER.api,
      modifierId: SYSTEM_USER.api,
    };
    state.customers.set(customerId, unknownCompany);
  }
  const newId = state.nextId('contact');
  state.contacts.set(newId, {
    id: newId,
    orgId: org.id,
    customerId: unknownCompany.id,
    firstName: '',
    lastName: email.trim(),
    email: email.trim(),
    dateCreated: now,
    dateModified: now,
    creatorId: SYSTEM_USER.api,
    modifierId: SYSTEM_USER.api,
  });
  return newId;
}

/** PUT: only the writable columns sent change; ids only (names such as Status are not read). */
export function updateTicketFromBody(context: ApiContext, ticket: TicketRecord): void {
  const { state, org, now } = context;
  const fields = parseWrappedBody(context.body, 'Ticket');
  const r = new ColumnReader(fields, org.culture, 'Tickets');
  const patch = {
    reportedVersionId: r.int('ReportedVersionID'),
    solvedVersionId: r.int('SolvedVersionID'),
    productId: r.int('ProductID'),
    groupId: r.int('GroupID'),
    userId: r.int('UserID'),
    ticketStatusId: r.intNotNull('TicketStatusID'),
    ticketTypeId: r.intNotNull('TicketTypeID'),
    ticketSeverityId: r.int('TicketSeverityID'),
    name: r.text('Name'),
    parentId: r.int('ParentID'),
    isVisibleOnPortal: r.bool('IsVisibleOnPortal'),
    isKnowledgeBase: r.bool('IsKnowledgeBase'),
    dateClosed: r.date('DateClosed'),
    closerId: r.int('CloserID'),
    importId: r.text('ImportID'),
    dateCreated: r.dateNotNull('DateCreated'),
    dateModified: r.dateNotNull('DateModified'),
    creatorId: r.intNotNull('CreatorID'),
    modifierId: r.intNotNull('ModifierID'),
    knowledgeBaseCategoryId: r.int('KnowledgeBaseCategoryID'),
    dueDate: r.date('DueDate'),
  };

  asApiWrite(() => {
    const ticketTypeId = patch.ticketTypeId ?? ticket.ticketTypeId;
    assertReference(state.ticketTypes, org.id, ticketTypeId, 'FK_Tickets_TicketTypes');
    assertTicketReferences(state, org.id, patch);
    let ticketStatusId = patch.ticketStatusId;
    if (ticketStatusId !== undefined) statusOfType(state, ticketTypeId, ticketStatusId);
    else if (state.ticketStatuses.get(ticket.ticketStatusId)?.ticketTypeId !== ticketTypeId) {
      // A new type without a status: the ticket moves to the first status of the new type.
      ticketStatusId = firstStatusOfType(state, ticketTypeId).id;
    }

    const wasClosed = isTicketClosed(state, ticket);
    ticket.ticketTypeId = ticketTypeId;
    if (ticketStatusId !== undefined) ticket.ticketStatusId = ticketStatusId;
    if (patch.reportedVersionId !== undefined) ticket.reportedVersionId = patch.reportedVersionId;
    if (patch.solvedVersionId !== undefined) ticket.solvedVersionId = patch.solvedVersionId;
    if (patch.productId !== undefined) ticket.productId = patch.productId;
    if (patch.groupId !== undefined) ticket.groupId = patch.groupId;
    if (patch.userId !== undefined) ticket.userId = patch.userId;
    if (patch.ticketSeverityId !== undefined) ticket.ticketSeverityId = patch.ticketSeverityId;
    if (patch.name !== undefined) ticket.name = patch.name;
    if (patch.parentId !== undefined) ticket.parentId = patch.parentId;
    if (patch.isVisibleOnPortal !== undefined) ticket.isVisibleOnPortal = patch.isVisibleOnPortal;
    if (patch.isKnowledgeBase !== undefined) ticket.isKnowledgeBase = patch.isKnowledgeBase;
    if (patch.dateClosed !== undefined) ticket.dateClosed = patch.dateClosed;
    if (patch.closerId !== undefined) ticket.closerId = patch.closerId;
    if (patch.importId !== undefined) ticket.importId = patch.importId;
    if (patch.dateCreated !== undefined) ticket.dateCreated = patch.dateCreated;
    if (patch.creatorId !== undefined) ticket.creatorId = patch.creatorId;
    if (patch.knowledgeBaseCategoryId !== undefined)
      ticket.knowledgeBaseCategoryId = patch.knowledgeBaseCategoryId;
    if (patch.dueDate !== undefined) ticket.dueDate = patch.dueDate;
    state.setTicketDateModified(ticket, patch.dateModified ?? now);
    ticket.modifierId = patch.modifierId ?? SYSTEM_USER.api;
    if (patch.dateClosed === undefined) {
      applyClosedTransition(ticket, wasClosed, isTicketClosed(state, ticket), ticket.modifierId, now);
    }
    // Saved: a bad custom value now answers 500 but the columns above stay changed.
    writeCustomFields(state, org, ticket, fields);
  });
  writeSeparateTables(context, ticket, fields, ticket.modifierId);
}
