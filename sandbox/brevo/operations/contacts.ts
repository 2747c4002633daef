// Contacts: create or upsert (POST /contacts), read by identifier (GET /contacts/{identifier}), and the contact
// look-ups events share. PUT /contacts/{identifier} is not served: the app updates contacts by upsert.
import { z } from 'zod';
import type { ContactRecord } from '../model';
import type { BrevoState } from '../state';
import { apiErrors } from '../http/reply';
import type { OperationContext, OperationHandler } from './types';
import { writeAttributes } from './values';
import { contactBody } from './views';

const attributes = z.record(z.string(), z.unknown());
const ids = z.array(z.number().int());

const createBody = z.object({
  email: z.string().optional(),
  ext_id: z.string().optional(),
  attributes: attributes.optional(),
  emailBlacklisted: z.boolean().optional(),
  smsBlacklisted: z.boolean().optional(),
  listIds: ids.optional(),
  updateEnabled: z.boolean().optional(),
  smtpBlacklistSender: z.array(z.string()).optional(),
});

/** Attribute names that identify a contact rather than describe it. */
const IDENTIFIER_ATTRIBUTES = new Set(['EMAIL', 'EXT_ID']);

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The body as the document describes it; the document check ran before, so a failure here is an emulator bug. */
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw apiErrors.invalid(z.prettifyError(parsed.error));
  return parsed.data;
}

/**
 * A contact by the identifier of GET /contacts/{identifier}: with `identifierType`, that kind of identifier;
 * without, an e-mail address, a contact id or an SMS number, which are the ones Brevo recognises then
 * (https://developers.brevo.com/reference/get-contact-info).
 */
export function findContact(
  state: BrevoState,
  accountId: number,
  identifier: string,
  identifierType: unknown,
): ContactRecord | undefined {
  const byId = () =>
    /^\d+$/.test(identifier) ? state.contactById(accountId, Number(identifier)) : undefined;
  switch (identifierType) {
    case 'email_id':
      return state.contactByEmail(accountId, identifier);
    case 'contact_id':
      return byId();
    case 'ext_id':
      return state.contactByExtId(accountId, identifier);
    case 'phone_id':
      return state.contactByAttribute(accountId, 'SMS', identifier);
    case 'whatsapp_id':
      return state.contactByAttribute(accountId, 'WHATSAPP', identifier);
    case 'landline_number_id':
      return state.contactByAttribute(accountId, 'LANDLINE_NUMBER', identifier);
    default:
      if (identifier.includes('@')) return state.contactByEmail(accountId, identifier);
      return byId() ?? state.contactByAttribute(accountId, 'SMS', identifier);
  }
}

/** Refuses list ids the account does not have, before anything changes. */
function checkLists(context: OperationContext, listIds: readonly number[]): void {
  const unknown = listIds.filter((id) => !context.state.list(context.account.id, id));
  if (unknown.length > 0) throw apiErrors.invalid(`List ID(s) ${unknown.join(', ')} do not exist`);
}

function describing(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([name]) => !IDENTIFIER_ATTRIBUTES.has(name.toUpperCase())),
  );
}

function addLists(contact: ContactRecord, listIds: readonly number[]): void {
  const lists = new Set(contact.listIds);
  for (const id of listIds) lists.add(id);
  contact.listIds = [...lists].sort((a, b) => a - b);
}

/** A new contact of the account (not stored yet). */
export function newContact(
  context: OperationContext,
  identity: { email: string | null; extId: string | null },
): ContactRecord {
  const at = context.now.toISOString();
  return {
    id: context.state.nextId('contact'),
    accountId: context.account.id,
    email: identity.email === null ? null : normaliseEmail(identity.email),
    extId: identity.extId,
    attributes: {},
    listIds: [],
    emailBlacklisted: false,
    smsBlacklisted: false,
    createdAt: at,
    modifiedAt: at,
  };
}

/** POST /contacts: 201 {id} for a new contact; with updateEnabled an existing one is updated (204). */
export const createContact: OperationHandler = (context, request) => {
  const body = parseBody(createBody, request.body);
  const { state, account } = context;
  if (body.email === undefined && body.ext_id === undefined && body.attributes?.['SMS'] === undefined) {
    throw apiErrors.missing('email, ext_id or the SMS attribute is required to create a contact');
  }
  checkLists(context, body.listIds ?? []);
  const byEmail = body.email === undefined ? undefined : state.contactByEmail(account.id, body.email);
  const byExtId = body.ext_id === undefined ? undefined : state.contactByExtId(account.id, body.ext_id);
  const existing = byEmail ?? byExtId;
  if (existing && !body.updateEnabled) {
    // Brevo's answer since late 2024: contactErrorModel with metadata.duplicate_identifiers (README, "Operations").
    throw apiErrors.duplicate(
      'Unable to create contact, email is already associated with another Contact',
      byEmail ? ['email'] : ['ext_id'],
    );
  }
  if (existing && byEmail && byExtId && byEmail.id !== byExtId.id) {
    throw apiErrors.duplicate('Unable to update contact, ext_id is already associated with another Contact', [
      'ext_id',
    ]);
  }
  const contact: ContactRecord = existing
    ? structuredClone(existing)
    : newContact(context, { email: body.email ?? null, extId: body.ext_id ?? null });
  if (body.ext_id !== undefined) contact.extId = body.ext_id;
  writeAttributes(state, contact, describing(body.attributes ?? {}));
  addLists(contact, body.listIds ?? []);
  if (body.emailBlacklisted !== undefined) contact.emailBlacklisted = body.emailBlacklisted;
  if (body.smsBlacklisted !== undefined) contact.smsBlacklisted = body.smsBlacklisted;
  contact.modifiedAt = context.now.toISOString();
  state.putContact(contact);
  return existing ? { status: 204 } : { status: 201, body: { id: contact.id } };
};

function contactOrNotFound(
  context: OperationContext,
  params: Readonly<Record<string, string>>,
  type: unknown,
) {
  const contact = findContact(context.state, context.account.id, params['identifier'] ?? '', type);
  if (!contact) throw apiErrors.notFound('Contact does not exist');
  return contact;
}

/** GET /contacts/{identifier} */
export const getContactInfo: OperationHandler = (context, request) => ({
  status: 200,
  body: contactBody(contactOrNotFound(context, request.params, request.query['identifierType'])),
});

export { addLists };
