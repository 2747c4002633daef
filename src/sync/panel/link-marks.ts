// What makes a new link visible on both sides: a remote link on the Jira issue (Jira's own "web links", one per ticket,
// found again by its global id), an internal note on the ticket, added once through the ticket-note step (the same
// note id as a link made from the ticket side), so the inbound pull never copies it back to Jira (invariant 2), and the
// issue key in the ticket's correlation field, as a link made from the ticket side has it (correlation-mark.ts).
import type { StoredInstance } from '../../domain/config';
import { linkedNote } from '../../domain/attribution';
import type { Ticket } from '../../domain/ticket';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { linkEntry } from '../log-entry';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';
import { ticketRemoteLink } from '../remote-link';
import { addTicketNote, linkNoteId } from '../ticket-note';
import { writeCorrelationField } from './correlation-mark';
import type { PanelCall, PanelDeps } from './deps';

export const LINK_OPERATION = 'link-ticket';

export interface NewLinkContext {
  call: PanelCall;
  instance: StoredInstance;
  tickets: TicketSystem;
  ticket: Ticket;
  link: Link;
  url: string;
}

function issueUrl(call: PanelCall): string | undefined {
  return call.siteUrl === undefined
    ? undefined
    : `${call.siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(call.issue.key)}`;
}

async function addNote(deps: PanelDeps, context: NewLinkContext): Promise<void> {
  const { instance, tickets, link, call } = context;
  await addTicketNote(
    deps.ledger,
    {
      instance,
      tickets,
      ticketId: link.ticketId,
      ticketNumber: link.ticketNumber,
      issueId: call.issue.id,
      noteId: linkNoteId(link),
      sentence: linkedNote(call.issue.key, issueUrl(call)),
    },
    deps.copy,
  );
}

/** Adds the marks at once; returns one sentence per mark that could not be added (empty when all went well). */
export async function addLinkMarks(deps: PanelDeps, context: NewLinkContext): Promise<string[]> {
  const { instance, ticket, link, call } = context;
  const [remote, note, field] = await Promise.allSettled([
    deps.jira.upsertRemoteLink(call.issue.id, ticketRemoteLink(instance.id, ticket, context.url)),
    addNote(deps, context),
    writeCorrelationField(instance, context.tickets, ticket, call.issue.key),
  ]);
  const problems: string[] = [];
  if (remote.status === 'rejected') {
    problems.push(
      `The link to the ticket could not be added to the Jira issue: ${redactText(describeError(remote.reason))}`,
    );
  }
  if (note.status === 'rejected') {
    problems.push(
      `The note about the link could not be added to the ticket: ${redactText(describeError(note.reason))}`,
    );
  }
  if (field.status === 'rejected') {
    problems.push(
      `The issue key could not be written to the ticket's ${instance.correlationField ?? 'correlation'} field: ` +
        redactText(describeError(field.reason)),
    );
  }
  await deps.log.append(
    linkEntry(
      { ...link, instanceId: instance.id },
      problems.length === 0
        ? {
            level: 'info',
            operation: LINK_OPERATION,
            message: `Ticket #${ticket.number} linked to ${call.issue.key} from the issue panel.`,
          }
        : {
            level: 'warn',
            operation: LINK_OPERATION,
            message:
              `Ticket #${ticket.number} was linked to ${call.issue.key}, but not everything went through. ` +
              `${problems.join(' ')} Unlink and link the ticket again to retry.`,
          },
    ),
  );
  return problems;
}
