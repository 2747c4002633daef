// unlinkTicket: removes the link between the issue and one ticket, and what showed it on both sides, as linking added
// them (link-marks.ts). Order: the ticket's correlation field first, when it still names this issue (while it does, the
// pull would link the ticket again: correlation-mark.ts), and a failure there stops the unlink with nothing changed;
// then the link (once it is gone nothing syncs); then the Jira remote link and a note on the ticket, added once through
// the ticket-note step. Those last two are reported in `warnings` when they fail: the unlink stands.
import { z } from 'zod';
import { unlinkedNote } from '../../domain/attribution';
import type { StoredInstance } from '../../domain/config';
import { InstanceIdParamSchema, TicketIdParamSchema } from '../../domain/ids';
import { fail, ok, parseInput, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { linkEntry } from '../log-entry';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';
import { refreshLinksProperty } from '../links-property';
import { remoteLinkGlobalId } from '../remote-link';
import { addTicketNote, unlinkNoteId } from '../ticket-note';
import { checkIssueAccess } from './access';
import { clearCorrelationField } from './correlation-mark';
import type { PanelCall, PanelDeps } from './deps';

export const unlinkTicketPayload = z.object({
  instanceId: InstanceIdParamSchema,
  ticketId: TicketIdParamSchema,
});

export interface UnlinkResult {
  /** set when the link was removed but the Jira remote link or the note on the ticket could not be */
  warnings?: string[];
}

/**
 * The ticket's side of the link: its instance and an open ticket system, or why the ticket cannot be reached (and
 * whether a correlation field may then keep the issue key).
 */
type TicketSide =
  { instance: StoredInstance; tickets: TicketSystem } | { unreachable: string; fieldMayRemain: boolean };

async function ticketSide(deps: PanelDeps, instanceId: string): Promise<TicketSide> {
  const config = await deps.config.read();
  if (!config.ok) {
    return {
      unreachable: `the app's settings cannot be read (${config.error.message})`,
      fieldMayRemain: true,
    };
  }
  const instance = config.document.instances.find((candidate) => candidate.id === instanceId);
  if (!instance) return { unreachable: 'its TeamSupport instance no longer exists', fieldMayRemain: false };
  const fieldMayRemain = instance.correlationField !== undefined;
  if (!instance.active) {
    return { unreachable: `synchronization is turned off for ${instance.name}`, fieldMayRemain };
  }
  const tickets = await deps.openTicketSystem(instance);
  return tickets
    ? { instance, tickets }
    : { unreachable: `${instance.name} has no API token`, fieldMayRemain };
}

/**
 * Clears the correlation field while it names this issue; throws when TeamSupport fails, which stops the unlink. A
 * ticket gone from TeamSupport has no field to clear.
 */
async function releaseCorrelationField(
  side: { instance: StoredInstance; tickets: TicketSystem },
  link: Link,
  call: PanelCall,
): Promise<void> {
  if (side.instance.correlationField === undefined) return;
  const ticket = await side.tickets.getTicket(link.ticketId);
  if (!ticket) return;
  await clearCorrelationField(side.instance, side.tickets, ticket, [call.issue.key, link.issueKey]);
}

async function addUnlinkNote(
  deps: PanelDeps,
  side: { instance: StoredInstance; tickets: TicketSystem },
  link: Link,
  call: PanelCall,
): Promise<void> {
  await addTicketNote(
    deps.ledger,
    {
      instance: side.instance,
      tickets: side.tickets,
      ticketId: link.ticketId,
      ticketNumber: link.ticketNumber,
      issueId: call.issue.id,
      noteId: unlinkNoteId(link),
      sentence: unlinkedNote(call.issue.key),
    },
    deps.copy,
  );
}

export async function unlinkTicket(deps: PanelDeps, call: PanelCall): Promise<Envelope<UnlinkResult>> {
  const denied = await checkIssueAccess(deps, call.issue, 'link');
  if (denied) return denied;
  const input = parseInput(unlinkTicketPayload, call.payload);
  if (!input.ok) return input;
  const { instanceId, ticketId } = input.value;

  // Read first for the ticket number the log shows; the removal itself is conditional on the link joining this issue.
  const gone = fail('NOT_FOUND', 'This ticket is not linked to this issue (any more); reload the panel.');
  const existing = await deps.links.getByTicket(instanceId, ticketId);
  if (existing?.issueId !== call.issue.id) return gone;

  const side = await ticketSide(deps, instanceId);
  // Throws (UPSTREAM_ERROR for the panel) before anything changed: the agent can simply try again.
  if ('instance' in side) await releaseCorrelationField(side, existing, call);
  if (!(await deps.links.remove({ instanceId, ticketId, issueId: call.issue.id }))) return gone;
  // The issue's JQL fields stop naming the ticket (sync/links-property.ts); a failure there is the repair job's to fix.
  await refreshLinksProperty(deps, call.issue, { removed: { instanceId, ticketId } });

  const [remote, note] = await Promise.allSettled([
    deps.jira.deleteRemoteLink(call.issue.id, remoteLinkGlobalId(instanceId, ticketId)),
    'instance' in side ? addUnlinkNote(deps, side, existing, call) : Promise.resolve(),
  ]);
  const warnings: string[] = [];
  if (remote.status === 'rejected') {
    warnings.push(
      `The ticket was unlinked, but its link could not be removed from the Jira issue: ${redactText(describeError(remote.reason))}`,
    );
  }
  if (note.status === 'rejected') {
    warnings.push(
      `The ticket was unlinked, but no note about it could be added to the ticket: ${redactText(describeError(note.reason))}`,
    );
  }
  if ('unreachable' in side) {
    warnings.push(
      `The ticket was unlinked, but it was not told so, because ${side.unreachable}.` +
        (side.fieldMayRemain
          ? ' If its correlation field still holds the issue key, clear it in TeamSupport, or the ticket is ' +
            'linked again once sync runs.'
          : ''),
    );
  }
  await deps.log.append(
    linkEntry(
      {
        instanceId,
        ticketId,
        ticketNumber: existing.ticketNumber,
        issueId: call.issue.id,
        issueKey: call.issue.key,
      },
      {
        level: warnings.length === 0 ? 'info' : 'warn',
        operation: 'unlink-ticket',
        message: [
          `Ticket #${existing.ticketNumber} unlinked from ${call.issue.key} in the issue panel.`,
          ...warnings,
        ].join(' '),
      },
    ),
  );
  return ok(warnings.length === 0 ? {} : { warnings });
}
