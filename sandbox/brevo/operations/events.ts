// Custom events: POST /events (one event, 204), POST /events/batch and GET /events (the contact's timeline read
// back). Rules from https://developers.brevo.com/reference/create-event: event_name at most 255 characters of
// letters, digits, - and _; event_properties keys likewise, and at most 50 KB; contact_properties update the
// contact's attributes; contact_id takes priority over the other identifiers.
import { z } from 'zod';
import { EVENT_SCHEMA } from '../contract/errata';
import { schemaErrors } from '../contract/validators';
import { apiErrors, BrevoApiError } from '../http/reply';
import type { AttributeValue, ContactRecord, EventRecord, EventSource } from '../model';
import { newContact } from './contacts';
import type { OperationContext, OperationHandler } from './types';
import { writeAttributes } from './values';
import { eventBody } from './views';

export const EVENT_NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** "Size is limited to 50KB": the JSON of event_properties, in bytes. */
export const MAX_EVENT_PROPERTIES_BYTES = 50 * 1024;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const eventInput = z.object({
  event_name: z.string(),
  event_date: z.string().optional(),
  identifiers: z.object({
    contact_id: z.number().int().optional(),
    email_id: z.string().optional(),
    ext_id: z.string().optional(),
    phone_id: z.string().optional(),
    whatsapp_id: z.string().optional(),
    landline_number_id: z.string().optional(),
  }),
  contact_properties: z.record(z.string(), scalar).optional(),
  event_properties: z.record(z.string(), z.unknown()).optional(),
  object: z.unknown().optional(),
});
type EventInput = z.infer<typeof eventInput>;

/** The contact an event belongs to: found, or to be created (not stored yet). */
function eventContact(context: OperationContext, identifiers: EventInput['identifiers']): ContactRecord {
  const { state, account } = context;
  const id = account.id;
  if (identifiers.contact_id !== undefined) {
    const contact = state.contactById(id, identifiers.contact_id);
    if (!contact) throw apiErrors.invalid(`Contact ${identifiers.contact_id} does not exist`);
    return contact;
  }
  const found =
    (identifiers.email_id === undefined ? undefined : state.contactByEmail(id, identifiers.email_id)) ??
    (identifiers.ext_id === undefined ? undefined : state.contactByExtId(id, identifiers.ext_id)) ??
    (identifiers.phone_id === undefined
      ? undefined
      : state.contactByAttribute(id, 'SMS', identifiers.phone_id)) ??
    (identifiers.whatsapp_id === undefined
      ? undefined
      : state.contactByAttribute(id, 'WHATSAPP', identifiers.whatsapp_id)) ??
    (identifiers.landline_number_id === undefined
      ? undefined
      : state.contactByAttribute(id, 'LANDLINE_NUMBER', identifiers.landline_number_id));
  if (found) return found;
  const creatable = identifiers.email_id !== undefined || identifiers.ext_id !== undefined;
  if (!creatable || context.settings.unknownEventContact === 'reject') {
    throw apiErrors.invalid('Record(s) for identifier not found');
  }
  if (identifiers.email_id !== undefined && !identifiers.email_id.includes('@')) {
    throw apiErrors.invalid('identifiers.email_id is not a valid email address');
  }
  return newContact(context, { email: identifiers.email_id ?? null, extId: identifiers.ext_id ?? null });
}

function checkEvent(input: EventInput, now: Date): string {
  if (!EVENT_NAME.test(input.event_name)) {
    throw apiErrors.invalid(
      'event_name must be 1 to 255 characters long and contain only letters, digits, hyphens and underscores',
    );
  }
  const properties = input.event_properties ?? {};
  const badKey = Object.keys(properties).find((key) => !EVENT_NAME.test(key));
  if (badKey !== undefined) {
    throw apiErrors.invalid(
      `event_properties key ${JSON.stringify(badKey.slice(0, 80))} must be 1 to 255 letters, digits, - or _`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(properties), 'utf8');
  if (bytes > MAX_EVENT_PROPERTIES_BYTES) {
    throw apiErrors.invalid(`event_properties is ${bytes} bytes; the limit is 50KB`);
  }
  if (input.event_date === undefined) return now.toISOString();
  const time = Date.parse(input.event_date);
  if (Number.isNaN(time)) throw apiErrors.invalid('event_date must be an ISO 8601 date-time');
  return new Date(time).toISOString();
}

/** Checks one event, then stores it (creating its contact and updating its attributes). */
function recordEvent(context: OperationContext, raw: unknown, via: EventSource): EventRecord {
  const parsed = eventInput.safeParse(raw);
  if (!parsed.success) throw apiErrors.invalid(z.prettifyError(parsed.error));
  const input = parsed.data;
  const eventDate = checkEvent(input, context.now);
  const contact = structuredClone(eventContact(context, input.identifiers));
  const contactProperties: Record<string, AttributeValue> = { ...(input.contact_properties ?? {}) };
  const written = writeAttributes(context.state, contact, contactProperties);
  if (written.applied.length > 0 || !context.state.contacts.has(contact.id)) {
    contact.modifiedAt = context.now.toISOString();
  }
  context.state.putContact(contact);
  const event: EventRecord = {
    id: context.state.nextId('event'),
    accountId: context.account.id,
    contactId: contact.id,
    eventName: input.event_name,
    eventDate,
    receivedAt: context.now.toISOString(),
    eventProperties: structuredClone(input.event_properties ?? {}),
    contactProperties,
    identifiers: Object.fromEntries(
      Object.entries(input.identifiers).filter(
        (entry): entry is [string, string | number] => entry[1] !== undefined,
      ),
    ),
    via,
  };
  context.state.events.set(event.id, event);
  return event;
}

/** POST /events: 204 without a body. */
export const createEvent: OperationHandler = (context, { body }) => {
  recordEvent(context, body, 'single');
  return { status: 204 };
};

const batchBody = z.object({ events: z.array(z.unknown()) });

/**
 * POST /events/batch: every event is checked on its own. All valid: 202 {message, count}; some invalid: the valid
 * ones are stored and the reply is 207 with the failures by index; none valid: 400 with the same breakdown.
 */
export const createBatchEvents: OperationHandler = (context, { body }) => {
  const { events } = batchBody.parse(body);
  const errors: Array<{ eventIndex: number[]; message: string }> = [];
  let stored = 0;
  events.forEach((item, index) => {
    const messages = schemaErrors('createBatchEvents#item', EVENT_SCHEMA, item, `body/events/${index}`);
    if (messages.length > 0) {
      context.violation(messages.map((message) => message.text));
      errors.push({ eventIndex: [index], message: messages.map((message) => message.text).join('; ') });
      return;
    }
    try {
      recordEvent(context, item, 'batch');
      stored += 1;
    } catch (error) {
      if (!(error instanceof BrevoApiError)) throw error;
      errors.push({ eventIndex: [index], message: error.message });
    }
  });
  if (errors.length === 0 && stored > 0) {
    return { status: 202, body: { message: 'Batch accepted for processing', count: stored } };
  }
  const result = {
    status: stored === 0 ? 'failed' : 'partial_success',
    total_events: events.length,
    successful_events: stored,
    failed_events: errors.length,
    errors: events.length === 0 ? [{ eventIndex: [], message: 'events must not be empty' }] : errors,
  };
  return { status: stored === 0 ? 400 : 207, body: result };
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD (the whole day) or RFC 3339; undefined when unreadable. */
function dateBound(text: string, end: boolean): number | undefined {
  if (DAY.test(text)) {
    const start = Date.parse(`${text}T00:00:00.000Z`);
    return Number.isNaN(start) ? undefined : end ? start + 86_400_000 - 1 : start;
  }
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

const stringList = z.array(z.string()).catch([]);
const numberList = z.array(z.number()).catch([]);

/**
 * GET /events: the account's events, newest event_date first, filtered by contact_id, event_name (both repeatable)
 * and a date range on event_date; without one, the last six months.
 */
export const getEvents: OperationHandler = ({ state, account, now }, { query }) => {
  const startText = z.string().optional().catch(undefined).parse(query['startDate']);
  const endText = z.string().optional().catch(undefined).parse(query['endDate']);
  if ((startText === undefined) !== (endText === undefined)) {
    throw apiErrors.invalid('startDate and endDate must be given together');
  }
  let from: number;
  let to = Number.POSITIVE_INFINITY;
  if (startText !== undefined && endText !== undefined) {
    const start = dateBound(startText, false);
    const end = dateBound(endText, true);
    if (start === undefined || end === undefined) {
      throw apiErrors.invalid('startDate and endDate must be YYYY-MM-DD or RFC 3339 date-times');
    }
    if (start > end) throw apiErrors.invalid('startDate must be before or equal to endDate');
    from = start;
    to = end;
  } else {
    const sixMonthsAgo = new Date(now.getTime());
    sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
    from = sixMonthsAgo.getTime();
  }
  const contactIds = numberList.parse(query['contact_id']);
  const names = stringList.parse(query['event_name']);
  // No object records are emulated: a filter on object types matches nothing.
  const objectTypes = stringList.parse(query['object_type']);
  const limit = z
    .number()
    .int()
    .catch(100)
    .parse(query['limit'] ?? 100);
  const offset = z
    .number()
    .int()
    .catch(0)
    .parse(query['offset'] ?? 0);
  const matching = state
    .eventsOf(account.id)
    .filter((event) => {
      const time = Date.parse(event.eventDate);
      return (
        time >= from &&
        time <= to &&
        objectTypes.length === 0 &&
        (contactIds.length === 0 || contactIds.includes(event.contactId)) &&
        (names.length === 0 || names.includes(event.eventName))
      );
    })
    .sort((a, b) => Date.parse(b.eventDate) - Date.parse(a.eventDate) || b.id - a.id);
  return {
    status: 200,
    body: { events: matching.slice(offset, offset + limit).map(eventBody), count: matching.length },
  };
};
