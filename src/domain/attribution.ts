// The text the app adds when it copies something across, so people on the other side know where it came from.
// Every action the app writes carries a marker in its first line (the Jira comment id, or the note's event id): it is
// how a retry finds a copy whose answer was lost, and how the pull recognises the app's own actions even when the
// ledger record is missing (docs/reliability.md). All values are escaped before they enter HTML.
import { linkedText, paragraph, strong, type AdfParagraph } from './content';
import { escapeHtmlText } from './content/html-escape';
import { INBOUND_HEADER_PREFIX } from './echo';

const esc = escapeHtmlText;

/** The marker that identifies the action copied from one Jira comment. */
export function commentMarker(commentId: string): string {
  return `(Jira comment ${commentId})`;
}

export function commentActionHtml(input: {
  authorName: string;
  issueKey: string;
  commentId: string;
  bodyHtml: string;
}): string {
  return (
    `<p><em>Comment added in Jira by ${esc(input.authorName)} on ${esc(input.issueKey)} ${esc(commentMarker(input.commentId))}</em></p>` +
    input.bodyHtml
  );
}

/** The marker that identifies a note the app added to a ticket once per source event (`noteId`, e.g. `status:10023`). */
export function noteMarker(noteId: string): string {
  return `(Jira sync ${noteId})`;
}

/**
 * A note on a ticket: one sentence, then its marker, all in the first line, where the pull looks for the app's marks
 * (domain/echo) and a retry looks for a note that may have been written already.
 */
export function ticketNoteHtml(noteId: string, sentence: string): string {
  return `<p>${esc(sentence)} <em>${esc(noteMarker(noteId))}</em></p>`;
}

export function statusChangedNote(issueKey: string, from: string, to: string): string {
  return `Jira issue ${issueKey} status changed from ${from || '(none)'} to ${to}.`;
}

export function statusNotMatchedNote(issueKey: string, jiraStatus: string, ticketType: string): string {
  return (
    `Jira issue ${issueKey} moved to status ${jiraStatus}, but no ${ticketType} ticket status matches it, ` +
    `so the ticket status was left unchanged. Add a status mapping in the Jira app's settings to sync it.`
  );
}

export function issueDeletedNote(issueKey: string): string {
  return `Jira issue ${issueKey} was deleted; this ticket is no longer linked to Jira.`;
}

export function linkedNote(issueKey: string, issueUrl: string | undefined): string {
  return `This ticket was linked to Jira issue ${issueUrl ? `${issueKey} (${issueUrl})` : issueKey}.`;
}

/** The note an unlink made in the Jira issue panel leaves on the ticket, as linking leaves one. */
export function unlinkedNote(issueKey: string): string {
  return `This ticket was unlinked from Jira issue ${issueKey}: comments and status changes no longer sync.`;
}

/** UTC, minute precision: TeamSupport dates carry no more (docs/teamsupport-api.md §11). */
function minuteUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The header of a Jira comment copied from a ticket action. It starts with INBOUND_HEADER_PREFIX (domain/echo), so
 * a re-rendered copy is still recognised as the app's own.
 */
export function actionCommentHeader(input: {
  ticketNumber: string;
  ticketUrl: string;
  actionType: string | null;
  creatorName: string | null;
  created: Date;
  visibleOnPortal: boolean;
  /** when the action is too long for one comment: how many comments it became */
  parts?: number;
}): AdfParagraph {
  const parts = [
    input.actionType ?? 'Action',
    input.creatorName ? `by ${input.creatorName}` : undefined,
    minuteUtc(input.created),
    input.visibleOnPortal ? undefined : 'internal note (not visible on the customer portal)',
    input.parts === undefined ? undefined : `part 1 of ${input.parts}`,
  ].filter((part): part is string => part !== undefined);
  return paragraph(
    linkedText(`${INBOUND_HEADER_PREFIX}${input.ticketNumber}`, input.ticketUrl, [strong()]),
    ` · ${parts.join(' · ')}`,
  );
}

/**
 * The header of the second and later parts of a ticket action too long for one Jira comment; it starts with the same
 * prefix as the first part's header, so every part is recognised as the app's own.
 */
export function actionPartHeader(input: {
  ticketNumber: string;
  ticketUrl: string;
  part: number;
  count: number;
}): AdfParagraph {
  return paragraph(
    linkedText(`${INBOUND_HEADER_PREFIX}${input.ticketNumber}`, input.ticketUrl, [strong()]),
    ` · continued, part ${input.part} of ${input.count}`,
  );
}

export function escalationFailedNote(reason: string): string {
  return `Could not create or link a Jira issue for this ticket: ${reason} The app will try again in the next sync cycle.`;
}

export function escalatedNote(issueKey: string, created: boolean): string {
  return created
    ? `Jira issue ${issueKey} was created for this ticket and linked to it.`
    : `This ticket was linked to Jira issue ${issueKey}.`;
}
