// The emulator's data as bytes, so `npm start` can keep its sandbox between runs; every row is checked on the way
// back (sandbox/snapshot-codec.ts). Rate-limit counters, faults, the request log and the clock are not data.
import { z } from 'zod';
import { decodeSnapshot, encodeSnapshot, mapOf, type ShapeOf } from '../snapshot-codec';
import {
  ATTRIBUTE_CATEGORIES,
  ATTRIBUTE_TYPES,
  type AccountRecord,
  type AttributeRecord,
  type ContactRecord,
  type EventRecord,
  type ListRecord,
} from './model';
import { BrevoState, type IdKind } from './state';

const FORMAT = 'brevo-emulator-state';
const VERSION = 1;

const id = z.number().int();
const value = z.union([z.string(), z.number(), z.boolean()]);

const account = z.object({
  id,
  apiKey: z.string(),
  keyEnabled: z.boolean(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  companyName: z.string(),
  street: z.string(),
  city: z.string(),
  zipCode: z.string(),
  country: z.string(),
} satisfies ShapeOf<AccountRecord>);

const list = z.object({
  id,
  accountId: id,
  name: z.string(),
  folderId: id,
  createdAt: z.string(),
} satisfies ShapeOf<ListRecord>);

const attribute = z.object({
  accountId: id,
  name: z.string(),
  category: z.enum(ATTRIBUTE_CATEGORIES),
  type: z.enum(ATTRIBUTE_TYPES),
  enumeration: z.array(z.object({ value: z.number(), label: z.string() })),
} satisfies ShapeOf<AttributeRecord>);

const contact = z.object({
  id,
  accountId: id,
  email: z.string().nullable(),
  extId: z.string().nullable(),
  attributes: z.record(z.string(), value),
  listIds: z.array(id),
  emailBlacklisted: z.boolean(),
  smsBlacklisted: z.boolean(),
  createdAt: z.string(),
  modifiedAt: z.string(),
} satisfies ShapeOf<ContactRecord>);

const event = z.object({
  id,
  accountId: id,
  contactId: id,
  eventName: z.string(),
  eventDate: z.string(),
  receivedAt: z.string(),
  eventProperties: z.record(z.string(), z.unknown()),
  contactProperties: z.record(z.string(), value),
  identifiers: z.record(z.string(), z.union([z.string(), z.number()])),
  via: z.enum(['single', 'batch']),
} satisfies ShapeOf<EventRecord>);

const saved = z.object({
  accounts: mapOf(id, account),
  lists: mapOf(id, list),
  attributes: mapOf(z.string(), attribute),
  contacts: mapOf(id, contact),
  events: mapOf(id, event),
  nextIds: z.object({ account: id, list: id, contact: id, event: id } satisfies ShapeOf<
    Record<IdKind, number>
  >),
});

export function exportBrevoState(state: BrevoState): Buffer {
  return encodeSnapshot(FORMAT, VERSION, {
    accounts: state.accounts,
    lists: state.lists,
    attributes: state.attributes,
    contacts: state.contacts,
    events: state.events,
    nextIds: state.nextIds,
  });
}

export function restoreBrevoState(bytes: Buffer): BrevoState {
  const data = decodeSnapshot(bytes, {
    format: FORMAT,
    version: VERSION,
    label: 'Brevo',
    freshStart: 'a fresh Brevo account',
    schema: saved,
  });
  const state = new BrevoState();
  for (const [key, row] of data.accounts) state.accounts.set(key, row);
  for (const [key, row] of data.lists) state.lists.set(key, row);
  for (const [key, row] of data.attributes) state.attributes.set(key, row);
  for (const row of data.contacts.values()) state.putContact(row);
  for (const [key, row] of data.events) state.events.set(key, row);
  Object.assign(state.nextIds, data.nextIds);
  return state;
}
