// A note the app adds to a ticket once per source event: a status change, a deleted issue, a new link, a failed
// escalation. The note id names the event (`status:<changelogId>`, `linked:<issueId>`, …) and is both the ledger key
// and the marker in the note's first line, so a retry finds a note whose answer was lost and the pull never copies
// the note back to Jira.
import { ticketNoteHtml } from '../domain/attribution';
import { htmlToPlainText } from '../domain/content';
import { appActionOrigin } from '../domain/echo';
import { copyOnce, type CopyOnceOptions, type CopyOnceResult } from './copy-once';
import type { MirrorLedger } from './ports/mirror-ledger';
import type { TicketSystem } from './ports/ticket-system';

export interface TicketNote {
  instance: { id: string; commentActionType: string };
  tickets: TicketSystem;
  ticketId: string;
  ticketNumber: string;
  issueId?: string;
  noteId: string;
  /** one sentence; the marker is added after it */
  sentence: string;
  /** notes are internal to the support team unless the instance shows them to customers (release notes may) */
  visibleOnPortal?: boolean;
}

export async function addTicketNote(
  ledger: MirrorLedger,
  note: TicketNote,
  options: CopyOnceOptions,
): Promise<CopyOnceResult> {
  const { instance, tickets, ticketId, noteId } = note;
  return copyOnce(
    ledger,
    {
      item: { kind: 'note', instanceId: instance.id, noteId, ticketId },
      context: { ticketId, ...(note.issueId === undefined ? {} : { issueId: note.issueId }) },
      describe: `the note "${note.sentence}" on ticket #${note.ticketNumber}`,
      find: async () =>
        (await tickets.listActions(ticketId)).find((action) => {
          const origin = appActionOrigin(htmlToPlainText(action.html));
          return origin?.kind === 'note' && origin.noteId === noteId;
        })?.id,
      write: async () =>
        (
          await tickets.createAction(ticketId, {
            actionTypeName: instance.commentActionType,
            visibleOnPortal: note.visibleOnPortal ?? false,
            html: ticketNoteHtml(noteId, note.sentence),
          })
        ).id,
      origin: (actionId) => ({
        item: { kind: 'action', instanceId: instance.id, actionId },
        sourceId: noteId,
      }),
    },
    options,
  );
}

/** The note id of one link: stable while the link lives, new when a ticket is unlinked and linked again. */
export function linkNoteId(link: { issueId: string; linkedAt: string }): string {
  return `linked:${link.issueId}:${Date.parse(link.linkedAt).toString(36)}`;
}

/** The note id of ending one link: one note per link, however often the unlink is retried. */
export function unlinkNoteId(link: { issueId: string; linkedAt: string }): string {
  return `unlinked:${link.issueId}:${Date.parse(link.linkedAt).toString(36)}`;
}
