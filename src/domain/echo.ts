// Invariant 2: what the app wrote on one side never comes back. The first layer is actor identity (asApp writes +
// ignoreSelf, the ledger of what we created); this module is the second: a machine-readable mark on every Jira comment
// the app writes, and a loose text check for marks that a re-render may have turned into plain text.

/** Comment property the app sets on every comment it creates from a ticket action. */
export const APP_COMMENT_PROPERTY = 'support-ticket-sync';

export interface AppCommentMark {
  origin: 'ticket-action';
  instanceId: string;
  ticketId: string;
  actionId: string;
}

export function appCommentProperty(mark: Omit<AppCommentMark, 'origin'>): {
  key: string;
  value: AppCommentMark;
} {
  return { key: APP_COMMENT_PROPERTY, value: { origin: 'ticket-action', ...mark } };
}

export function isAppWrittenComment(properties: Record<string, unknown>): boolean {
  return APP_COMMENT_PROPERTY in properties;
}

/** The header line the app puts on inbound comments; matched on normalised plain text, not markup. */
export const INBOUND_HEADER_PREFIX = 'TeamSupport ticket #';

export function startsWithAppHeader(plainText: string): boolean {
  return plainText.replace(/\s+/g, ' ').trimStart().startsWith(INBOUND_HEADER_PREFIX);
}

/** Where an action the app wrote came from, read from the marker in its first line (domain/attribution). */
export type AppActionOrigin = { kind: 'comment'; commentId: string } | { kind: 'note'; noteId: string };

const COMMENT_MARK = /\(Jira comment (\d+)\)/;
const NOTE_MARK = /\(Jira sync ([^\s()]+)\)/;

/**
 * The app's origin marker of a ticket action, or undefined for an action someone else wrote. Only the first line is
 * read: the app puts its marker there, while a person who quotes an app action does so further down.
 */
export function appActionOrigin(plainText: string): AppActionOrigin | undefined {
  const firstLine = plainText.trimStart().split('\n', 1)[0] ?? '';
  const comment = COMMENT_MARK.exec(firstLine)?.[1];
  if (comment !== undefined) return { kind: 'comment', commentId: comment };
  const note = NOTE_MARK.exec(firstLine)?.[1];
  return note === undefined ? undefined : { kind: 'note', noteId: note };
}
