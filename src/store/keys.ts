// Every storage key the app writes, in one place. Keys are built from ids only (never names or user text), each part
// restricted to characters that cannot contain the ':' separator, so a key can be split back unambiguously and always
// fits Forge's key pattern and 500-character limit.
import { IntegrationError } from '../lib/errors';
import type { MirrorItem } from '../sync/records/mirror';
import { STORAGE_SYSTEM } from './storage-errors';

export const CONFIG_KEY = 'config';

const KEY_PART = /^[A-Za-z0-9._-]{1,128}$/;

/** Whether `value` can be one part of a storage key (an id from outside can be checked before it is used). */
export function isKeyPart(value: string): boolean {
  return KEY_PART.test(value);
}

function part(label: string, value: string): string {
  if (!isKeyPart(value)) {
    throw new IntegrationError(
      'validation',
      `${label} must be 1–128 letters, digits, '.', '_' or '-' to be used in a storage key.`,
      { system: STORAGE_SYSTEM },
    );
  }
  return value;
}

export function secretKey(instanceId: string): string {
  return `secret:instance:${part('Instance id', instanceId)}`;
}

export function cursorKey(instanceId: string): string {
  return `cursor:${part('Instance id', instanceId)}`;
}

/** `cache:<scope>:<id>`: a short-lived copy of a slow read (see short-cache.ts). */
export function cacheKey(scope: string, id: string): string {
  return `cache:${part('Cache scope', scope)}:${part('Cache id', id)}`;
}

/** A ticket is linked to at most one issue per instance, so the link is keyed on the ticket (see link-store.ts). */
export function linkKey(instanceId: string, ticketId: string): string {
  return `${part('Instance id', instanceId)}:${part('Ticket id', ticketId)}`;
}

/** `<instanceId>:action:<actionId>`: a ticket action, copied to Jira as a comment (or created from one). */
export function actionMirrorKey(instanceId: string, actionId: string): string {
  return `${part('Instance id', instanceId)}:action:${part('Action id', actionId)}`;
}

/**
 * `<instanceId>:comment:<commentId>:<ticketId>`: a Jira comment, copied to one ticket as an action (or created from
 * one). The ticket is part of the key because one issue, and so one comment, can be linked to several tickets.
 */
export function commentMirrorKey(instanceId: string, commentId: string, ticketId: string): string {
  return `${part('Instance id', instanceId)}:comment:${part('Comment id', commentId)}:${part('Ticket id', ticketId)}`;
}

// A note id names a source event and may itself hold ':' (`status:<changelogId>`); the key stays unambiguous because
// the ticket id after it cannot.
const NOTE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** `<instanceId>:note:<noteId>:<ticketId>`: a note the app adds to one ticket once per source event. */
export function noteMirrorKey(instanceId: string, noteId: string, ticketId: string): string {
  if (!NOTE_ID.test(noteId)) {
    throw new IntegrationError(
      'validation',
      "Note id must be 1–200 letters, digits, '.', '_', ':' or '-' to be used in a storage key.",
      { system: STORAGE_SYSTEM },
    );
  }
  return `${part('Instance id', instanceId)}:note:${noteId}:${part('Ticket id', ticketId)}`;
}

/** `<instanceId>:event:<eventId>`: one event sent to an event sink (Brevo) once. */
export function eventMirrorKey(instanceId: string, eventId: string): string {
  if (!NOTE_ID.test(eventId)) {
    throw new IntegrationError(
      'validation',
      "Event id must be 1–200 letters, digits, '.', '_', ':' or '-' to be used in a storage key.",
      { system: STORAGE_SYSTEM },
    );
  }
  return `${part('Instance id', instanceId)}:event:${eventId}`;
}

export function mirrorKey(item: MirrorItem): string {
  switch (item.kind) {
    case 'event':
      return eventMirrorKey(item.instanceId, item.eventId);
    case 'action':
      return actionMirrorKey(item.instanceId, item.actionId);
    case 'comment':
      return commentMirrorKey(item.instanceId, item.commentId, item.ticketId);
    case 'note':
      return noteMirrorKey(item.instanceId, item.noteId, item.ticketId);
  }
}
