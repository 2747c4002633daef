// The EventSink port: a customer-engagement system that receives events about Jira issues (Brevo today; adapter in
// connectors/brevo/).
import type { SinkAttribute, SinkContact, SinkEvent, SinkRateLimit } from '../records/sink';

/**
 * A customer-engagement system that receives events about Jira issues (Brevo today). Errors are IntegrationError with
 * a kind; a 429 carries `retryAfterMs` from the sink's own headers so the queue job comes back later.
 */
export interface EventSink {
  readonly kind: string;
  upsertContact(contact: SinkContact): Promise<void>;
  /** sends one event; never retried blindly after it may have reached the sink (its outcome is then unknown) */
  sendEvent(event: SinkEvent): Promise<void>;
  /** whether an event named `name` with `properties.sync_ref === syncRef` is on the contact's timeline since `since` */
  findEvent(email: string, name: string, syncRef: string, since: Date): Promise<boolean>;
  listLists(): Promise<Array<{ id: number; name: string }>>;
  listAttributes(): Promise<SinkAttribute[]>;
  createAttribute(attribute: SinkAttribute): Promise<void>;
  /** the account behind the key (API key accepted), for the test-connection checklist */
  account(): Promise<{ email: string; companyName: string }>;
  /** the quota the sink's last answer to this object reported; undefined before any answer, or when it said none */
  rateLimit?(): SinkRateLimit | undefined;
}
