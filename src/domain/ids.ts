// The ids the Custom UI resolvers' payloads name things by, each accepting exactly what the app hands out: instance
// ids as the config repository makes them (UUIDs, within INSTANCE_ID_PATTERN), TeamSupport ticket ids (numeric,
// src/connectors/teamsupport/wire-fields.ts) and sync-log entry ids (src/store/sync-event-record.ts). Checked at the
// entry, a malformed id is INVALID_INPUT; unchecked, it would reach a storage key (src/store/keys.ts), be refused there
// and come back to the page as an upstream failure.
import { z } from 'zod';
import { INSTANCE_ID_PATTERN } from './config/instance-id';

export { INSTANCE_ID_PATTERN };

/** TeamSupport's ids are positive integers, sent as text (TicketID in its JSON). */
export const TICKET_ID_PATTERN = /^\d{1,19}$/;

/** Sync-log entry ids: creation time in epoch milliseconds, 15 digits, then 10 random hex digits. */
export const SYNC_EVENT_ID_PATTERN = /^\d{15}-[0-9a-f]{10}$/;

function idSchema(what: string, pattern: RegExp, shape: string) {
  return z
    .string({ error: `${what} must be text.` })
    .regex(pattern, `${what} is not valid (${shape}): reload the page and try again.`);
}

export const InstanceIdParamSchema = idSchema(
  'Instance id',
  INSTANCE_ID_PATTERN,
  "1–64 letters, digits, '-' or '_'",
);

export const TicketIdParamSchema = idSchema(
  'Ticket id',
  TICKET_ID_PATTERN,
  'the numeric TeamSupport ticket id',
);

export const SyncEventIdParamSchema = idSchema(
  'Log entry id',
  SYNC_EVENT_ID_PATTERN,
  'as the sync log lists it, e.g. 001714557600000-0a1b2c3d4e',
);
