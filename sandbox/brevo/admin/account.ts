// The admin surface of one emulated Brevo account, for tests, the seed and the sandbox console: its settings, lists,
// attributes and contacts, and the events on each contact's timeline. Writes follow the API's own rules (attribute
// types, known lists), so what a test sets up is what the API could have produced.
import { z } from 'zod';
import { BrevoApiError } from '../http/reply';
import type { AccountRecord, AttributeValue, ContactRecord, EventRecord, EventSource } from '../model';
import { ATTRIBUTE_TYPES } from '../model';
import { attributeRecord } from '../operations/attributes';
import { addLists, normaliseEmail } from '../operations/contacts';
import { writeAttributes } from '../operations/values';
import { attributeBody, listBody } from '../operations/views';
import { type GroupCounters, type RateLimiter, type RateLimitGroup } from '../rate-limits';
import type { ControllableClock } from '../clock';
import type { BrevoState } from '../state';

/** Something an admin call was asked to do that the account cannot take. */
export class BrevoAdminError extends Error {
  override readonly name = 'BrevoAdminError';
}

export interface AccountSettings {
  id: number;
  apiKey: string;
  keyEnabled: boolean;
  email: string;
  firstName: string;
  lastName: string;
  companyName: string;
}

export interface ListView {
  id: number;
  name: string;
  folderId: number;
  /** members that are not blacklisted */
  totalSubscribers: number;
  uniqueSubscribers: number;
  totalBlacklisted: number;
}

export interface AttributeView {
  name: string;
  category: string;
  /** the attribute's type; 'category' for category attributes */
  type: string;
  enumeration: Array<{ value: number; label: string }>;
}

export interface ContactView {
  id: number;
  email: string | null;
  extId: string | null;
  attributes: Record<string, AttributeValue>;
  listIds: number[];
  emailBlacklisted: boolean;
  smsBlacklisted: boolean;
  createdAt: string;
  modifiedAt: string;
}

export interface EventView {
  id: number;
  contactId: number;
  /** the contact's e-mail address now, if it has one */
  email: string | null;
  name: string;
  eventDate: string;
  receivedAt: string;
  properties: Record<string, unknown>;
  contactProperties: Record<string, AttributeValue>;
  identifiers: Record<string, string | number>;
  via: EventSource;
}

const settingsInput = z.strictObject({
  apiKey: z.string().min(1).optional(),
  keyEnabled: z.boolean().optional(),
  email: z.email().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  companyName: z.string().optional(),
});
export type AccountSettingsInput = z.input<typeof settingsInput>;

const listInput = z.strictObject({
  name: z.string().min(1),
  folderId: z.number().int().positive().optional(),
});
export type ListInput = z.input<typeof listInput>;

const attributeInput = z.strictObject({
  name: z.string(),
  category: z.string().optional(),
  type: z.enum(ATTRIBUTE_TYPES).optional(),
  enumeration: z.array(z.object({ value: z.number().int(), label: z.string() })).optional(),
  value: z.string().optional(),
});
export type AttributeInput = z.input<typeof attributeInput>;

const contactInput = z.strictObject({
  email: z.email().optional(),
  extId: z.string().optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  listIds: z.array(z.number().int()).optional(),
  emailBlacklisted: z.boolean().optional(),
});
export type ContactInput = z.input<typeof contactInput>;

const eventFilter = z.strictObject({
  email: z.string().optional(),
  contactId: z.number().int().optional(),
  name: z.string().optional(),
});
export type EventFilter = z.input<typeof eventFilter>;

function input<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new BrevoAdminError(z.prettifyError(parsed.error));
  return parsed.data;
}

function contactView(contact: ContactRecord): ContactView {
  return structuredClone(contact);
}

export interface AccountParts {
  readonly state: BrevoState;
  readonly clock: ControllableClock;
  readonly limiter: RateLimiter;
}

export class AccountAdmin {
  constructor(
    private readonly parts: AccountParts,
    readonly id: number,
  ) {}

  private get record(): AccountRecord {
    const account = this.parts.state.accounts.get(this.id);
    if (!account) throw new BrevoAdminError(`Account ${this.id} no longer exists`);
    return account;
  }

  get apiKey(): string {
    return this.record.apiKey;
  }

  settings(): AccountSettings {
    const { id, apiKey, keyEnabled, email, firstName, lastName, companyName } = this.record;
    return { id, apiKey, keyEnabled, email, firstName, lastName, companyName };
  }

  /** e.g. `{ keyEnabled: false }` (401 "API Key is not enabled") or a new `apiKey` (the old one then answers 401) */
  update(changes: AccountSettingsInput): AccountSettings {
    const parsed = input(settingsInput, changes);
    if (parsed.apiKey !== undefined) {
      const owner = this.parts.state.accountByKey(parsed.apiKey);
      if (owner && owner.id !== this.id) throw new BrevoAdminError('Another account has this API key');
    }
    const defined = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    this.parts.state.accounts.set(this.id, { ...this.record, ...defined });
    return this.settings();
  }

  // ------------------------------------------------------------------ lists

  addList(list: ListInput): ListView {
    const parsed = input(listInput, list);
    const record = {
      id: this.parts.state.nextId('list'),
      accountId: this.id,
      name: parsed.name,
      folderId: parsed.folderId ?? 1,
      createdAt: this.parts.clock.now().toISOString(),
    };
    this.parts.state.lists.set(record.id, record);
    return this.listView(record.id);
  }

  lists(): ListView[] {
    return this.parts.state
      .listsOf(this.id)
      .sort((a, b) => a.id - b.id)
      .map((list) => this.listView(list.id));
  }

  /** the list named `name` (the first, if several share it) */
  list(name: string): ListView {
    const found = this.parts.state.listsOf(this.id).find((list) => list.name === name);
    if (!found) throw new BrevoAdminError(`Account ${this.id} has no list named "${name}"`);
    return this.listView(found.id);
  }

  /** Removes a list and takes its contacts off it. */
  removeList(listId: number): void {
    const { state } = this.parts;
    if (!state.list(this.id, listId)) throw new BrevoAdminError(`Account ${this.id} has no list ${listId}`);
    state.lists.delete(listId);
    for (const contact of state.contactsOf(this.id)) {
      if (contact.listIds.includes(listId)) {
        state.putContact({ ...contact, listIds: contact.listIds.filter((id) => id !== listId) });
      }
    }
  }

  /** e-mail addresses (or `#<id>` for contacts without one) of the list's members */
  listMembers(listId: number): string[] {
    return this.parts.state
      .contactsOf(this.id)
      .filter((contact) => contact.listIds.includes(listId))
      .map((contact) => contact.email ?? `#${contact.id}`);
  }

  private listView(listId: number): ListView {
    const { state } = this.parts;
    const list = state.list(this.id, listId);
    if (!list) throw new BrevoAdminError(`Account ${this.id} has no list ${listId}`);
    return z
      .object({
        id: z.number(),
        name: z.string(),
        folderId: z.number(),
        totalSubscribers: z.number(),
        uniqueSubscribers: z.number(),
        totalBlacklisted: z.number(),
      })
      .parse(listBody(state, list));
  }

  // ------------------------------------------------------------------ attributes

  /** A contact attribute, checked as the API checks it (default category normal, type text). */
  addAttribute(attribute: AttributeInput): AttributeView {
    const parsed = input(attributeInput, attribute);
    let record;
    try {
      record = attributeRecord(this.id, parsed.category ?? 'normal', parsed.name, {
        ...(parsed.type === undefined ? {} : { type: parsed.type }),
        ...(parsed.enumeration === undefined ? {} : { enumeration: parsed.enumeration }),
        ...(parsed.value === undefined ? {} : { value: parsed.value }),
      });
    } catch (error) {
      if (error instanceof BrevoApiError) throw new BrevoAdminError(error.message);
      throw error;
    }
    if (this.parts.state.attribute(this.id, record.name)) {
      throw new BrevoAdminError(`Attribute ${record.name} already exists`);
    }
    this.parts.state.putAttribute(record);
    return this.attributeView(record.name);
  }

  attributes(): AttributeView[] {
    return this.parts.state.attributesOf(this.id).map((attribute) => this.attributeView(attribute.name));
  }

  hasAttribute(name: string): boolean {
    return this.parts.state.attribute(this.id, name) !== undefined;
  }

  /** Removes an attribute definition (contacts keep no value of it, as in Brevo). */
  removeAttribute(name: string): void {
    const { state } = this.parts;
    const upper = name.toUpperCase();
    if (!state.removeAttribute(this.id, upper)) throw new BrevoAdminError(`No attribute ${upper}`);
    for (const contact of state.contactsOf(this.id)) {
      if (upper in contact.attributes) {
        const attributes = { ...contact.attributes };
        delete attributes[upper];
        state.putContact({ ...contact, attributes });
      }
    }
  }

  private attributeView(name: string): AttributeView {
    const attribute = this.parts.state.attribute(this.id, name);
    if (!attribute) throw new BrevoAdminError(`No attribute ${name}`);
    const body = attributeBody(attribute);
    return {
      name: attribute.name,
      category: attribute.category,
      type: attribute.type,
      enumeration: z
        .array(z.object({ value: z.number(), label: z.string() }))
        .catch([])
        .parse(body['enumeration']),
    };
  }

  // ------------------------------------------------------------------ contacts

  /** A new contact; attribute values follow the API's rules (unknown attributes and wrong types are dropped). */
  addContact(contact: ContactInput): ContactView {
    const parsed = input(contactInput, contact);
    const { state, clock } = this.parts;
    if (parsed.email === undefined && parsed.extId === undefined) {
      throw new BrevoAdminError('A contact needs an email or an extId');
    }
    if (parsed.email !== undefined && state.contactByEmail(this.id, parsed.email)) {
      throw new BrevoAdminError(`A contact with ${parsed.email} exists already`);
    }
    const unknownLists = (parsed.listIds ?? []).filter((id) => !state.list(this.id, id));
    if (unknownLists.length > 0) throw new BrevoAdminError(`No list ${unknownLists.join(', ')}`);
    const at = clock.now().toISOString();
    const record: ContactRecord = {
      id: state.nextId('contact'),
      accountId: this.id,
      email: parsed.email === undefined ? null : normaliseEmail(parsed.email),
      extId: parsed.extId ?? null,
      attributes: {},
      listIds: [],
      emailBlacklisted: parsed.emailBlacklisted ?? false,
      smsBlacklisted: false,
      createdAt: at,
      modifiedAt: at,
    };
    writeAttributes(state, record, parsed.attributes ?? {});
    addLists(record, parsed.listIds ?? []);
    state.putContact(record);
    return contactView(record);
  }

  /** A contact by e-mail address (any case) or id; undefined when there is none. */
  contact(emailOrId: string | number): ContactView | undefined {
    const { state } = this.parts;
    const found =
      typeof emailOrId === 'number'
        ? state.contactById(this.id, emailOrId)
        : state.contactByEmail(this.id, emailOrId);
    return found ? contactView(found) : undefined;
  }

  contacts(): ContactView[] {
    return this.parts.state
      .contactsOf(this.id)
      .sort((a, b) => a.id - b.id)
      .map(contactView);
  }

  // ------------------------------------------------------------------ events

  /** Events in the order they were received, optionally of one contact or one name. */
  events(filter: EventFilter = {}): EventView[] {
    const parsed = input(eventFilter, filter);
    const { state } = this.parts;
    const contactId =
      parsed.email === undefined ? parsed.contactId : (state.contactByEmail(this.id, parsed.email)?.id ?? -1);
    return state
      .eventsOf(this.id)
      .filter(
        (event) =>
          (contactId === undefined || event.contactId === contactId) &&
          (parsed.name === undefined || event.eventName === parsed.name),
      )
      .sort((a, b) => a.id - b.id)
      .map((event) => this.eventView(event));
  }

  /** A contact's timeline as Brevo shows it: newest event first (by event_date). */
  timeline(email: string): EventView[] {
    return this.events({ email }).sort(
      (a, b) => Date.parse(b.eventDate) - Date.parse(a.eventDate) || b.id - a.id,
    );
  }

  private eventView(event: EventRecord): EventView {
    return {
      id: event.id,
      contactId: event.contactId,
      email: this.parts.state.contacts.get(event.contactId)?.email ?? null,
      name: event.eventName,
      eventDate: event.eventDate,
      receivedAt: event.receivedAt,
      properties: structuredClone(event.eventProperties),
      contactProperties: { ...event.contactProperties },
      identifiers: { ...event.identifiers },
      via: event.via,
    };
  }

  // ------------------------------------------------------------------ rate limits

  /** Requests counted per endpoint group in the current windows. */
  counters(): Record<RateLimitGroup, GroupCounters> {
    const now = this.parts.clock.now();
    const of = (group: RateLimitGroup) => this.parts.limiter.counters(this.id, group, now);
    return { events: of('events'), contacts: of('contacts'), other: of('other') };
  }

  resetCounters(): void {
    this.parts.limiter.reset(this.id);
  }
}
