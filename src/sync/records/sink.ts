// What an EventSink (sync/ports/event-sink.ts) is sent and answers: contacts, events, attributes, its quota.

export type SinkValue = string | number | boolean | null;

/** A contact as the sink keeps it: upserted with the mapped attributes, and put on the lists mapped to its projects. */
export interface SinkContact {
  email: string;
  /** attribute name (upper case, as Brevo keeps it) → value */
  attributes: Record<string, SinkValue>;
  listIds: number[];
}

/** One event on a contact's timeline, sent once (sync/copy-once). */
export interface SinkEvent {
  /** e.g. `jira_issue_status_changed` */
  name: string;
  email: string;
  /** the Jira event's time, ISO-8601 UTC */
  eventDate: string;
  /** carries `sync_ref`, the marker by which a lost answer is found again (findEvent) */
  properties: Record<string, SinkValue>;
  /** attributes updated with the event */
  contactProperties?: Record<string, SinkValue>;
}

export interface SinkAttribute {
  name: string;
  /** Brevo's attribute types: text, date, float, boolean, id, category, … */
  type: string;
}

/** The sink's request quota as its last answer reported it (Brevo: the x-sib-ratelimit-* headers). */
export interface SinkRateLimit {
  remaining: number;
  limit: number;
  /** seconds until the quota's window resets, when the answer said */
  resetSeconds: number | null;
  /** when that answer arrived, ISO-8601 UTC */
  at: string;
}
