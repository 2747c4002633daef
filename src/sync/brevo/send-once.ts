// One event on one contact's timeline, exactly once, through the copy-once step. Brevo does not deduplicate events, so
// a lost answer is looked for on the contact's timeline by the event's `sync_ref` before anything is sent again.
import { IntegrationError } from '../../lib/errors';
import { copyOnce } from '../copy-once';
import type { EventSink } from '../ports/event-sink';
import type { SinkValue } from '../records/sink';
import type { BrevoDeps } from './deps';
import { emailDigest } from './contacts';

/** how far back a lost event is looked for on the contact's timeline, before the event's own date */
const FIND_WINDOW_MS = 60 * 60 * 1000;

export interface OnceEvent {
  accountId: string;
  /** the Brevo event name, e.g. `jira_version_released` */
  name: string;
  email: string;
  /** names the event for this contact across redeliveries and flows: the ledger key and the `sync_ref` property */
  syncRef: string;
  /** ISO-8601 */
  eventDate: string;
  properties: Record<string, SinkValue>;
  contactProperties?: Record<string, SinkValue>;
  /** for messages: "jira_version_released for 2.1 to Alice" */
  describe: string;
  /** the issue the event is about, when there is one (the ledger's context) */
  issueId?: string;
}

/** `sent` when this call sent it, `already` when an earlier one had; throws a transient error while another holds it. */
export async function sendEventOnce(
  deps: Pick<BrevoDeps, 'ledger' | 'copy'>,
  sink: EventSink,
  event: OnceEvent,
): Promise<'sent' | 'already'> {
  const result = await copyOnce(
    deps.ledger,
    {
      item: {
        kind: 'event',
        instanceId: event.accountId,
        eventId: `${event.syncRef}:${emailDigest(event.email)}`,
      },
      context: event.issueId === undefined ? {} : { issueId: event.issueId },
      describe: event.describe,
      find: async () =>
        (await sink.findEvent(
          event.email,
          event.name,
          event.syncRef,
          new Date(Date.parse(event.eventDate) - FIND_WINDOW_MS),
        ))
          ? event.syncRef
          : undefined,
      write: async () => {
        await sink.sendEvent({
          name: event.name,
          email: event.email,
          eventDate: event.eventDate,
          ...(event.contactProperties === undefined ? {} : { contactProperties: event.contactProperties }),
          properties: { ...event.properties, sync_ref: event.syncRef },
        });
        return event.syncRef;
      },
    },
    deps.copy,
  );
  if (result.status === 'busy') {
    throw new IntegrationError('transient', `${event.describe} is being sent by another worker.`, {
      system: 'sync',
    });
  }
  return result.status === 'done' ? 'already' : 'sent';
}
