// The text the app adds when it copies something across, so people on the other side know where it came from.
// Outbound notes carry the Jira comment id, which is also how a crashed copy is recognised on retry
// (read-before-write, sync-prior-art.md §3.2); all values are escaped before they enter HTML.
import { linkedText, paragraph, strong, type AdfParagraph } from './content';
import { escapeHtmlText } from './content/htmlEscape';
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

export function statusChangedNoteHtml(issueKey: string, from: string, to: string): string {
  return `<p>Jira issue ${esc(issueKey)} status changed from ${esc(from || '(none)')} to ${esc(to)}.</p>`;
}

export function statusNotMatchedNoteHtml(issueKey: string, jiraStatus: string, ticketType: string): string {
  return (
    `<p>Jira issue ${esc(issueKey)} moved to status ${esc(jiraStatus)}, but no ${esc(ticketType)} ticket status matches it, ` +
    `so the ticket status was left unchanged. Add a status mapping in the Jira app's settings to sync it.</p>`
  );
}

export function issueDeletedNoteHtml(issueKey: string): string {
  return `<p>Jira issue ${esc(issueKey)} was deleted; this ticket is no longer linked to Jira.</p>`;
}

export function linkedNoteHtml(issueKey: string, issueUrl: string | undefined): string {
  const target = issueUrl ? `${esc(issueKey)} (${esc(issueUrl)})` : esc(issueKey);
  return `<p>This ticket was linked to Jira issue ${target}.</p>`;
}

/** UTC, minute precision: TeamSupport dates carry no more (teamsupport-api.md §11). */
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
}): AdfParagraph {
  const parts = [
    input.actionType ?? 'Action',
    input.creatorName ? `by ${input.creatorName}` : undefined,
    minuteUtc(input.created),
    input.visibleOnPortal ? undefined : 'internal note (not visible on the customer portal)',
  ].filter((part): part is string => part !== undefined);
  return paragraph(
    linkedText(`${INBOUND_HEADER_PREFIX}${input.ticketNumber}`, input.ticketUrl, [strong()]),
    ` · ${parts.join(' · ')}`,
  );
}

export function escalationFailedNoteHtml(reason: string): string {
  return `<p>Could not create or link a Jira issue for this ticket: ${esc(reason)} The app will try again in the next sync cycle.</p>`;
}

export function escalatedNoteHtml(issueKey: string, created: boolean): string {
  return created
    ? `<p>Jira issue ${esc(issueKey)} was created for this ticket and linked to it.</p>`
    : `<p>This ticket was linked to Jira issue ${esc(issueKey)}.</p>`;
}
