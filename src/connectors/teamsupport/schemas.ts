// zod schemas of the TeamSupport JSON the connector reads (docs/teamsupport-api.md §3–§6, §9, §16), producing typed
// wire records: ids as digit strings, numbers, booleans, UTC dates, unescaped text and normalised lists. List items
// carry their primary key as `ID`, single objects under its real name (TicketID, ActionID, …); both are accepted.
import { z } from 'zod';
import { IntegrationError } from '../../lib/errors';
import {
  customFieldValue,
  wireBool,
  wireDate,
  wireId,
  wireOptionalBool,
  wireOptionalId,
  wireOptionalInt,
  wireText,
} from './wire-fields';
import { normaliseList, PAGE_COUNTER_KEYS } from './wire-lists';

/** Ticket keys that are not custom fields (docs/teamsupport-api.md §5, plus the list id and the nested lists). */
const STANDARD_TICKET_KEYS: ReadonlySet<string> = new Set([
  'ID',
  'TicketID',
  'ProductName',
  'ReportedVersion',
  'SolvedVersion',
  'GroupName',
  'TicketTypeName',
  'UserName',
  'Status',
  'StatusPosition',
  'SeverityPosition',
  'IsClosed',
  'Severity',
  'TicketNumber',
  'IsVisibleOnPortal',
  'IsKnowledgeBase',
  'ReportedVersionID',
  'SolvedVersionID',
  'ProductID',
  'GroupID',
  'UserID',
  'TicketStatusID',
  'TicketTypeID',
  'TicketSeverityID',
  'OrganizationID',
  'Name',
  'ParentID',
  'ModifierID',
  'CreatorID',
  'DateModified',
  'DateCreated',
  'DateClosed',
  'CloserID',
  'DaysClosed',
  'DaysOpened',
  'CloserName',
  'CreatorName',
  'ModifierName',
  'HoursSpent',
  'SlaViolationTime',
  'SlaWarningTime',
  'SlaViolationHours',
  'SlaWarningHours',
  'KnowledgeBaseCategoryID',
  'KnowledgeBaseCategoryName',
  'DueDate',
  'TicketSource',
  'JiraKey',
  'Customers',
  'Contacts',
  'Tags',
  ...PAGE_COUNTER_KEYS,
]);

const STANDARD_TICKET_KEYS_LOWER: ReadonlySet<string> = new Set(
  [...STANDARD_TICKET_KEYS].map((key) => key.toLowerCase()),
);

/** Whether a name is one of the ticket's own fields (the server matches names ignoring case). */
export function isStandardTicketKey(name: string): boolean {
  return STANDARD_TICKET_KEYS_LOWER.has(name.toLowerCase());
}

/** The id under its real label or, in lists, under `ID`; reported at the real label when neither is there. */
function primaryKey(label: string, real: string | null, listId: string | null, ctx: z.RefinementCtx): string {
  const id = real ?? listId;
  if (id !== null) return id;
  ctx.addIssue({ code: 'custom', path: [label], message: `missing: neither ${label} nor ID holds the id` });
  return z.NEVER;
}

function nestedList<T extends z.ZodType>(element: string, item: T) {
  return z.preprocess((value) => normaliseList(value, element), z.array(item));
}

const customerSchema = z.looseObject({ CustomerID: wireOptionalId, CustomerName: wireText });

function ticketSchema(timeZone: string) {
  return z
    .looseObject({
      TicketID: wireOptionalId,
      ID: wireOptionalId,
      TicketNumber: wireId,
      Name: wireText,
      Status: wireText,
      TicketStatusID: wireId,
      IsClosed: wireOptionalBool,
      TicketTypeName: wireText,
      TicketTypeID: wireId,
      Severity: wireText,
      ProductName: wireText,
      ProductID: wireOptionalId,
      ReportedVersion: wireText,
      ReportedVersionID: wireOptionalId,
      SolvedVersion: wireText,
      SolvedVersionID: wireOptionalId,
      UserName: wireText,
      TicketSeverityID: wireOptionalId,
      DateCreated: wireDate(timeZone),
      DateModified: wireDate(timeZone),
      JiraKey: wireText,
      Customers: nestedList('Customer', customerSchema),
    })
    .transform((raw, ctx) => {
      const customFields: Record<string, string | null> = {};
      for (const [key, value] of Object.entries(raw)) {
        if (STANDARD_TICKET_KEYS.has(key)) continue;
        const text = customFieldValue(value);
        if (text !== undefined) customFields[key] = text;
      }
      return {
        TicketID: primaryKey('TicketID', raw.TicketID, raw.ID, ctx),
        TicketNumber: raw.TicketNumber,
        Name: raw.Name,
        Status: raw.Status,
        TicketStatusID: raw.TicketStatusID,
        IsClosed: raw.IsClosed ?? false,
        TicketTypeName: raw.TicketTypeName,
        TicketTypeID: raw.TicketTypeID,
        Severity: raw.Severity,
        TicketSeverityID: raw.TicketSeverityID,
        ProductName: raw.ProductName,
        ProductID: raw.ProductID,
        ReportedVersion: raw.ReportedVersion,
        ReportedVersionID: raw.ReportedVersionID,
        SolvedVersion: raw.SolvedVersion,
        SolvedVersionID: raw.SolvedVersionID,
        UserName: raw.UserName,
        DateCreated: raw.DateCreated,
        DateModified: raw.DateModified,
        JiraKey: raw.JiraKey,
        Customers: raw.Customers.map((customer) => customer.CustomerName).filter((name) => name !== null),
        CustomFields: customFields,
      };
    });
}

function actionSchema(timeZone: string) {
  return z
    .looseObject({
      ActionID: wireOptionalId,
      ID: wireOptionalId,
      TicketID: wireOptionalId,
      ActionTypeID: wireOptionalId,
      SystemActionTypeID: wireOptionalInt,
      ActionType: wireText,
      Description: wireText,
      IsVisibleOnPortal: wireOptionalBool,
      CreatorName: wireText,
      DateCreated: wireDate(timeZone),
    })
    .transform((raw, ctx) => ({
      ActionID: primaryKey('ActionID', raw.ActionID, raw.ID, ctx),
      TicketID: raw.TicketID,
      ActionTypeID: raw.ActionTypeID,
      SystemActionTypeID: raw.SystemActionTypeID,
      ActionType: raw.ActionType,
      Description: raw.Description ?? '',
      IsVisibleOnPortal: raw.IsVisibleOnPortal ?? false,
      CreatorName: raw.CreatorName,
      DateCreated: raw.DateCreated,
    }));
}

export const ticketTypeSchema = z
  .looseObject({
    TicketTypeID: wireOptionalId,
    ID: wireOptionalId,
    Name: wireText,
    Position: wireOptionalInt,
  })
  .transform((raw, ctx) => ({
    TicketTypeID: primaryKey('TicketTypeID', raw.TicketTypeID, raw.ID, ctx),
    Name: raw.Name ?? '',
    Position: raw.Position ?? 0,
  }));

export const ticketStatusSchema = z
  .looseObject({
    TicketStatusID: wireOptionalId,
    ID: wireOptionalId,
    Name: wireText,
    TicketTypeID: wireId,
    IsClosed: wireBool,
    Position: wireOptionalInt,
  })
  .transform((raw, ctx) => ({
    TicketStatusID: primaryKey('TicketStatusID', raw.TicketStatusID, raw.ID, ctx),
    Name: raw.Name ?? '',
    TicketTypeID: raw.TicketTypeID,
    IsClosed: raw.IsClosed,
    Position: raw.Position ?? 0,
  }));

/** Action types, severities and products share the shape id + Name + Position. */
const namedShape = { ID: wireOptionalId, Name: wireText, Position: wireOptionalInt };

function named(id: string, raw: { Name: string | null; Position: number | null }) {
  return { id, Name: raw.Name ?? '', Position: raw.Position ?? 0 };
}

export const actionTypeSchema = z
  .looseObject({ ...namedShape, ActionTypeID: wireOptionalId })
  .transform((raw, ctx) => named(primaryKey('ActionTypeID', raw.ActionTypeID, raw.ID, ctx), raw));

export const severitySchema = z
  .looseObject({ ...namedShape, TicketSeverityID: wireOptionalId })
  .transform((raw, ctx) => named(primaryKey('TicketSeverityID', raw.TicketSeverityID, raw.ID, ctx), raw));

export const productSchema = z
  .looseObject({ ...namedShape, ProductID: wireOptionalId })
  .transform((raw, ctx) => named(primaryKey('ProductID', raw.ProductID, raw.ID, ctx), raw));

export const versionSchema = z
  .looseObject({
    ProductVersionID: wireOptionalId,
    ID: wireOptionalId,
    VersionNumber: wireText,
    ProductID: wireOptionalId,
  })
  .transform((raw, ctx) => ({
    ProductVersionID: primaryKey('ProductVersionID', raw.ProductVersionID, raw.ID, ctx),
    VersionNumber: raw.VersionNumber ?? '',
    ProductID: raw.ProductID,
  }));

export const userSchema = z
  .looseObject({
    UserID: wireOptionalId,
    ID: wireOptionalId,
    FirstName: wireText,
    LastName: wireText,
    Email: wireText,
    IsActive: wireOptionalBool,
  })
  .transform((raw, ctx) => ({
    UserID: primaryKey('UserID', raw.UserID, raw.ID, ctx),
    FirstName: raw.FirstName,
    LastName: raw.LastName,
    Email: raw.Email,
    IsActive: raw.IsActive ?? true,
  }));

/**
 * A list response `{"<Root>": <list shape>, "TotalRecords": "…"}` as `{ items, totalRecords }`; the counters may
 * also sit inside the root object of an empty page (docs/teamsupport-api.md §16.4). A missing root key is malformed, a
 * null one is empty.
 */
function listEnvelope<T extends z.ZodType>(root: string, element: string, item: T) {
  return z.preprocess(
    (value) => {
      const object = z.record(z.string(), z.unknown()).safeParse(value);
      if (!object.success || !(root in object.data)) return { items: undefined, totalRecords: undefined };
      const list = object.data[root];
      const inner = z.object({ TotalRecords: z.unknown() }).safeParse(list);
      return {
        items: normaliseList(list, element),
        totalRecords: object.data['TotalRecords'] ?? (inner.success ? inner.data.TotalRecords : undefined),
      };
    },
    z.object({
      items: z.array(item, { error: `missing: expected the "${root}" list` }),
      totalRecords: wireOptionalInt,
    }),
  );
}

function present(message: string) {
  return z.unknown().refine((value) => value !== undefined && value !== null, { error: message });
}

function singleEnvelope<T extends z.ZodType<unknown, object>>(root: string, item: T) {
  return z.preprocess(
    (value) => {
      const object = z.record(z.string(), z.unknown()).safeParse(value);
      return { item: object.success ? object.data[root] : undefined };
    },
    z.object({ item: present(`missing: expected the "${root}" object`).pipe(item) }),
  );
}

function schemasFor(timeZone: string) {
  const ticket = ticketSchema(timeZone);
  const action = actionSchema(timeZone);
  return {
    ticket: singleEnvelope('Ticket', ticket),
    ticketPage: listEnvelope('Tickets', 'Ticket', ticket),
    action: singleEnvelope('Action', action),
    actions: listEnvelope('Actions', 'Action', action),
  };
}

export type OrgSchemas = ReturnType<typeof schemasFor>;

const byZone = new Map<string, OrgSchemas>();

/** Schemas of the records that carry dates, for one organization time zone (built once per zone). */
export function orgSchemas(timeZone: string): OrgSchemas {
  let schemas = byZone.get(timeZone);
  if (!schemas) {
    schemas = schemasFor(timeZone);
    byZone.set(timeZone, schemas);
  }
  return schemas;
}

export const lookupSchemas = {
  ticketTypes: listEnvelope('TicketTypes', 'TicketType', ticketTypeSchema),
  ticketStatuses: listEnvelope('TicketStatuses', 'TicketStatus', ticketStatusSchema),
  actionTypes: listEnvelope('ActionTypes', 'ActionType', actionTypeSchema),
  severities: listEnvelope('TicketSeverities', 'TicketSeverity', severitySchema),
  products: listEnvelope('Products', 'Product', productSchema),
  versions: listEnvelope('Versions', 'Version', versionSchema),
  users: listEnvelope('Users', 'User', userSchema),
};

export type WireTicket = z.output<ReturnType<typeof ticketSchema>>;
export type WireAction = z.output<ReturnType<typeof actionSchema>>;
export type WireTicketType = z.output<typeof ticketTypeSchema>;
export type WireTicketStatus = z.output<typeof ticketStatusSchema>;
export type WireNamed = z.output<typeof actionTypeSchema>;
export type WireVersion = z.output<typeof versionSchema>;
export type WireUser = z.output<typeof userSchema>;

function pathText(path: readonly PropertyKey[], rename: Readonly<Record<string, string>>): string {
  let text = '';
  for (const [index, segment] of path.entries()) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const name = index === 0 ? (rename[String(segment)] ?? String(segment)) : String(segment);
      text += text === '' ? name : `.${name}`;
    }
  }
  return text === '' ? '(the whole response)' : text;
}

/**
 * Parses a response body with a schema; anything unexpected becomes IntegrationError 'malformed' naming the field.
 * `root` is the response's root key, used in place of the internal envelope names in the message.
 */
export function parseWire<T extends z.ZodType>(
  schema: T,
  body: unknown,
  context: { what: string; root: string },
): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const rename = { item: context.root, items: context.root, totalRecords: 'TotalRecords' };
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => `${pathText(issue.path, rename)}: ${issue.message}`)
    .join('; ');
  return failMalformed(`TeamSupport sent ${context.what} the app cannot read: ${problems}.`);
}

function failMalformed(message: string): never {
  throw new IntegrationError('malformed', message, { system: 'teamsupport' });
}
