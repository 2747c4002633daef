// The emulated Brevo data: accounts (each with its API key), contact lists, contact attributes, contacts and the
// custom events on their timelines. Times are ISO-8601 UTC strings, as the API shows them.

export const ATTRIBUTE_CATEGORIES = ['normal', 'transactional', 'category', 'calculated', 'global'] as const;
export type AttributeCategory = (typeof ATTRIBUTE_CATEGORIES)[number];

/**
 * The attribute types the emulator keeps. `multiple-choice` is not emulated: the November 2024 document has no way to
 * list such an attribute (`getAttributes` knows only text, date, float, id and boolean).
 */
export const ATTRIBUTE_TYPES = ['text', 'date', 'float', 'boolean', 'id', 'category'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** What a contact attribute holds: a date is kept as YYYY-MM-DD, a category as its enumeration value. */
export type AttributeValue = string | number | boolean;

export interface AccountRecord {
  id: number;
  apiKey: string;
  /** a key switched off in Brevo answers 401 "API Key is not enabled" */
  keyEnabled: boolean;
  email: string;
  firstName: string;
  lastName: string;
  companyName: string;
  street: string;
  city: string;
  zipCode: string;
  country: string;
}

export interface ListRecord {
  id: number;
  accountId: number;
  name: string;
  folderId: number;
  createdAt: string;
}

export interface AttributeRecord {
  accountId: number;
  /** upper case, as Brevo keeps it */
  name: string;
  category: AttributeCategory;
  type: AttributeType;
  enumeration: Array<{ value: number; label: string }>;
}

export interface ContactRecord {
  id: number;
  accountId: number;
  /** lower case; null for a contact known only by another identifier */
  email: string | null;
  extId: string | null;
  /** attribute name → value, only attributes the account defines, with values of their type */
  attributes: Record<string, AttributeValue>;
  /** sorted */
  listIds: number[];
  emailBlacklisted: boolean;
  smsBlacklisted: boolean;
  createdAt: string;
  modifiedAt: string;
}

export type EventSource = 'single' | 'batch';

export interface EventRecord {
  id: number;
  accountId: number;
  contactId: number;
  eventName: string;
  /** the event's own time (`event_date`, or the time of receipt), ISO-8601 UTC */
  eventDate: string;
  receivedAt: string;
  eventProperties: Record<string, unknown>;
  contactProperties: Record<string, AttributeValue>;
  /** the identifiers as sent */
  identifiers: Record<string, string | number>;
  via: EventSource;
}
