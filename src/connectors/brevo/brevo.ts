// The EventSink port over Brevo's API v3 (https://developers.brevo.com/reference): contacts upserted with their
// attributes and lists, custom events on their timelines, and the reads the admin page and a lost answer need.
// One object per account and invocation.
import type { Budget } from '../../lib/budget';
import { IntegrationError, isIntegrationError } from '../../lib/errors';
import type { EventSink } from '../../sync/ports/event-sink';
import type {
  SinkAttribute,
  SinkContact,
  SinkEvent,
  SinkRateLimit,
  SinkValue,
} from '../../sync/records/sink';
import { BrevoClient, type BrevoClientOptions } from './client';
import {
  accountSchema,
  attributesSchema,
  contactSchema,
  eventsPageSchema,
  listsPageSchema,
  parseAnswer,
} from './schemas';
import { BREVO_SYSTEM } from './system';

/** The account as the connector needs it: its id, and the name the admin gave it (for messages). */
export interface BrevoAccount {
  id: string;
  name?: string;
}

/** Knobs for tests and the composition root: retry waits, clock, jitter, logging, request timeout. */
export type BrevoOptions = Omit<BrevoClientOptions, 'apiKey' | 'budget' | 'accountLabel'>;

/**
 * Event names and event property keys Brevo takes: at most 255 letters, digits, `-` and `_`
 * (https://developers.brevo.com/reference/create-event).
 */
export const BREVO_EVENT_NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** "Size is limited to 50KB" (the same page): the JSON of event_properties, in bytes. */
export const MAX_EVENT_PROPERTIES_BYTES = 50 * 1024;
/** Attribute names as Brevo keeps them: upper case letters, digits and underscores, starting with a letter. */
export const BREVO_ATTRIBUTE_NAME = /^[A-Z][A-Z0-9_]{0,49}$/;
/** The types a normal attribute can be created with (https://developers.brevo.com/reference/create-attribute). */
export const CREATABLE_ATTRIBUTE_TYPES = ['text', 'date', 'float', 'boolean'] as const;

/** GET /v3/contacts/lists pages hold at most 50 lists; GET /v3/events pages are asked for 100 events. */
const LIST_PAGE_SIZE = 50;
const EVENT_PAGE_SIZE = 100;
/** Event pages read at most per look-up: 5,000 events of one name on one contact since `since`. */
const MAX_EVENT_PAGES = 50;
/** `endDate` of an event look-up reaches this far past now, for events dated slightly ahead of Brevo's clock. */
const LOOKUP_END_MARGIN_MS = 24 * 60 * 60 * 1000;

const ignoreBody = (): true => true;

/** A request the connector refuses to send: Brevo was never asked, so nothing happened there. */
function refusedBeforeSending(message: string): IntegrationError {
  return new IntegrationError('validation', message, { system: BREVO_SYSTEM, notApplied: true });
}

/** Brevo's bodies take no null (its schemas allow string, number, boolean): a null value is left out. */
function withoutNulls(
  values: Readonly<Record<string, SinkValue>>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(values)) if (value !== null) out[key] = value;
  return out;
}

const plausibleEmail = (email: string): boolean => /^[^\s@]+@[^\s@]+$/.test(email);

class BrevoEventSink implements EventSink {
  readonly kind = 'brevo';
  private readonly client: BrevoClient;
  private readonly label: string;

  constructor(account: BrevoAccount, apiKey: string, budget: Budget, options: BrevoOptions) {
    this.label =
      account.name === undefined ? `Brevo account ${account.id}` : `Brevo account "${account.name}"`;
    this.client = new BrevoClient({ ...options, apiKey, budget, accountLabel: this.label });
  }

  async upsertContact(contact: SinkContact): Promise<void> {
    const email = contact.email.trim();
    if (!plausibleEmail(email)) {
      throw refusedBeforeSending(
        `${JSON.stringify(email)} is not an e-mail address Brevo can key a contact on.`,
      );
    }
    const attributes = withoutNulls(contact.attributes);
    const listIds = [...new Set(contact.listIds)];
    // With updateEnabled an existing contact is updated (204) instead of refused as a duplicate, so repeating the
    // request after a lost answer changes nothing: it may be retried.
    await this.client.post({
      path: '/contacts',
      label: '/v3/contacts',
      body: {
        email,
        updateEnabled: true,
        ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
        ...(listIds.length === 0 ? {} : { listIds }),
      },
      parse: ignoreBody,
    });
  }

  async sendEvent(event: SinkEvent): Promise<void> {
    const properties = withoutNulls(event.properties);
    const contactProperties = withoutNulls(event.contactProperties ?? {});
    this.checkEvent(event, properties);
    // Brevo does not deduplicate events: once this POST may have arrived it is not sent again here. The copy-once
    // step looks for it on the contact's timeline (findEvent) before anything is sent again.
    await this.client.post({
      path: '/events',
      label: '/v3/events',
      body: {
        event_name: event.name,
        event_date: event.eventDate,
        identifiers: { email_id: event.email.trim() },
        event_properties: properties,
        ...(Object.keys(contactProperties).length === 0 ? {} : { contact_properties: contactProperties }),
      },
      parse: ignoreBody,
      once: true,
    });
  }

  async findEvent(email: string, name: string, syncRef: string, since: Date): Promise<boolean> {
    const contactId = await this.contactId(email);
    if (contactId === undefined) return false;
    const endDate = new Date(this.client.now() + LOOKUP_END_MARGIN_MS).toISOString();
    const startDate = new Date(Math.min(since.getTime(), Date.parse(endDate))).toISOString();
    let offset = 0;
    for (let page = 0; page < MAX_EVENT_PAGES; page++) {
      const answer = await this.client.get({
        path: '/events',
        label: '/v3/events',
        query: [
          ['contact_id', String(contactId)],
          ['event_name', name],
          ['startDate', startDate],
          ['endDate', endDate],
          ['limit', String(EVENT_PAGE_SIZE)],
          ['offset', String(offset)],
        ],
        parse: (json) => parseAnswer(eventsPageSchema, json, 'a page of events'),
      });
      const found = answer.events.some(
        (item) => (item.event_name ?? name) === name && item.event_properties?.['sync_ref'] === syncRef,
      );
      if (found) return true;
      offset += answer.events.length;
      if (answer.events.length === 0 || offset >= answer.count) return false;
    }
    return false;
  }

  async listLists(): Promise<Array<{ id: number; name: string }>> {
    const lists: Array<{ id: number; name: string }> = [];
    for (let offset = 0; ;) {
      const page = await this.client.get({
        path: '/contacts/lists',
        label: '/v3/contacts/lists',
        query: [
          ['limit', String(LIST_PAGE_SIZE)],
          ['offset', String(offset)],
          ['sort', 'asc'],
        ],
        parse: (json) => parseAnswer(listsPageSchema, json, 'a page of contact lists'),
      });
      lists.push(...page.lists.map((list) => ({ id: list.id, name: list.name })));
      offset += page.lists.length;
      if (page.lists.length === 0 || offset >= page.count) return lists;
    }
  }

  async listAttributes(): Promise<SinkAttribute[]> {
    const answer = await this.client.get({
      path: '/contacts/attributes',
      label: '/v3/contacts/attributes',
      parse: (json) => parseAnswer(attributesSchema, json, 'the contact attributes'),
    });
    return answer.attributes.map((attribute) => ({
      name: attribute.name,
      // A category attribute is listed as text with an enumeration; calculated and global ones have no type.
      type: attribute.category === 'category' ? 'category' : (attribute.type ?? attribute.category ?? 'text'),
    }));
  }

  async createAttribute(attribute: SinkAttribute): Promise<void> {
    const name = attribute.name.trim().toUpperCase();
    if (!BREVO_ATTRIBUTE_NAME.test(name)) {
      throw refusedBeforeSending(
        `"${attribute.name}" cannot be a Brevo attribute name: use letters, digits and underscores, starting with a ` +
          'letter (at most 50).',
      );
    }
    const type = CREATABLE_ATTRIBUTE_TYPES.find((candidate) => candidate === attribute.type);
    if (type === undefined) {
      throw refusedBeforeSending(
        `The app creates Brevo attributes of the types ${CREATABLE_ATTRIBUTE_TYPES.join(', ')}, not ` +
          `"${attribute.type}": create ${name} in Brevo (Contacts → Settings → Contact attributes).`,
      );
    }
    const exists = async (): Promise<true | undefined> =>
      (await this.listAttributes()).some((known) => known.name.toUpperCase() === name) ? true : undefined;
    try {
      await this.client.post({
        path: `/contacts/attributes/normal/${encodeURIComponent(name)}`,
        label: '/v3/contacts/attributes/normal/{attributeName}',
        body: { type },
        parse: ignoreBody,
        // A creation whose answer was lost is looked for before it is asked for again.
        recover: exists,
      });
    } catch (error) {
      // Already there (made by someone else, or by an attempt whose answer was lost): what was asked for is done.
      if (isIntegrationError(error) && error.kind === 'validation' && (await exists())) return;
      throw error;
    }
  }

  async account(): Promise<{ email: string; companyName: string }> {
    const answer = await this.client.get({
      path: '/account',
      label: '/v3/account',
      parse: (json) => parseAnswer(accountSchema, json, 'the account details'),
    });
    return { email: answer.email, companyName: answer.companyName };
  }

  rateLimit(): SinkRateLimit | undefined {
    return this.client.rateLimit();
  }

  /** The contact's id, or undefined when Brevo has no contact with this address. */
  private async contactId(email: string): Promise<number | undefined> {
    try {
      const contact = await this.client.get({
        path: `/contacts/${encodeURIComponent(email.trim())}`,
        label: '/v3/contacts/{email}',
        query: [['identifierType', 'email_id']],
        parse: (json) => parseAnswer(contactSchema, json, 'the contact'),
      });
      return contact.id;
    } catch (error) {
      if (isIntegrationError(error) && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  private checkEvent(event: SinkEvent, properties: Record<string, unknown>): void {
    if (!BREVO_EVENT_NAME.test(event.name)) {
      throw refusedBeforeSending(
        `"${event.name}" cannot be a Brevo event name: at most 255 letters, digits, "-" and "_".`,
      );
    }
    const badKey = Object.keys(properties).find((key) => !BREVO_EVENT_NAME.test(key));
    if (badKey !== undefined) {
      throw refusedBeforeSending(
        `The event property "${badKey.slice(0, 80)}" cannot be sent to Brevo: keys are at most 255 letters, ` +
          'digits, "-" and "_".',
      );
    }
    const bytes = Buffer.byteLength(JSON.stringify(properties), 'utf8');
    if (bytes > MAX_EVENT_PROPERTIES_BYTES) {
      throw refusedBeforeSending(
        `The ${event.name} event's properties take ${bytes} bytes; Brevo takes at most ${MAX_EVENT_PROPERTIES_BYTES}.`,
      );
    }
    if (Number.isNaN(Date.parse(event.eventDate))) {
      throw refusedBeforeSending(`The event date "${event.eventDate}" is not an ISO-8601 date-time.`);
    }
    if (!plausibleEmail(event.email.trim())) {
      throw refusedBeforeSending(
        `${JSON.stringify(event.email)} is not an e-mail address Brevo knows contacts by.`,
      );
    }
  }
}

/** The Brevo connector for one account, its API key and the invocation's time budget. */
export function createBrevo(
  account: BrevoAccount,
  apiKey: string,
  budget: Budget,
  options: BrevoOptions = {},
): EventSink {
  return new BrevoEventSink(account, apiKey, budget, options);
}
