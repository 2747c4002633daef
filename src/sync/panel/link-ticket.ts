// linkTicket: links an existing ticket, as the user typed its number (or picked it from searchTickets), to the issue
// the panel is open on. Order: checks that change nothing (caller, instance, ticket) → the link itself (atomic; the
// ticket can belong to one issue per instance; whether it copies the ticket's earlier actions is the instance's
// option, fixed on the link) → what shows the link on both sides (Jira remote link, a note on the ticket, the issue
// key in the ticket's correlation field: link-marks.ts). Once the link is stored it stays: when a side effect fails,
// the answer still carries the link, plus `warnings`, and the link's lastError and a sync-log entry say what is
// missing, so nothing is left half done silently.
import { z } from 'zod';
import { copyEarlierActionsOf, syncsTicketType, type StoredInstance } from '../../domain/config';
import { InstanceIdParamSchema } from '../../domain/ids';
import type { Ticket } from '../../domain/ticket';
import { fail, ok, parseInput, type Envelope, type Failure } from '../../lib/envelope';
import type { Link } from '../records/link';
import { checkIssueAccess } from './access';
import type { PanelCall, PanelDeps } from './deps';
import { addLinkMarks } from './link-marks';
import { refreshLinksProperty } from '../links-property';
import { openInstance } from './open-instance';
import { summarise, toLinkedTicket, type LinkedTicket } from './linked-ticket';
import { cacheTickets, readCachedTickets } from './ticket-cache';

/** What a link needs typed; the panel's form says the same before it sends anything. */
export const TICKET_NUMBER_MESSAGE = 'Enter a ticket number, like 1234, or words from its subject.';

export const linkTicketPayload = z.object({
  instanceId: InstanceIdParamSchema,
  ticket: z.union([z.string(), z.number().int().nonnegative().transform(String)]).pipe(
    z
      .string()
      .trim()
      .min(1, TICKET_NUMBER_MESSAGE)
      // Words go to searchTickets; a link names one ticket, by number (or id) only.
      .regex(/^#?\s*\d{1,10}$/, TICKET_NUMBER_MESSAGE),
  ),
});

export interface LinkResult {
  ticket: LinkedTicket;
  /** side effects that failed although the link was stored (e.g. the Jira remote link) */
  warnings?: string[];
}

async function alreadyLinked(
  deps: PanelDeps,
  call: PanelCall,
  ticket: Ticket,
  existing: Link,
): Promise<Failure> {
  if (existing.issueId === call.issue.id) {
    return fail('ALREADY_LINKED', `Ticket #${ticket.number} is already linked to this issue.`, {
      issueKey: call.issue.key,
      issueId: call.issue.id,
    });
  }
  // Name the other issue only to someone who may see it.
  if (await deps.caller.canBrowseIssue(existing.issueId)) {
    return fail(
      'ALREADY_LINKED',
      `Ticket #${ticket.number} is already linked to ${existing.issueKey}; a ticket can be linked to one issue per ` +
        'instance. Unlink it there first.',
      { issueKey: existing.issueKey, issueId: existing.issueId },
    );
  }
  return fail(
    'ALREADY_LINKED',
    `Ticket #${ticket.number} is already linked to another Jira issue, one you cannot see. A ticket can be linked ` +
      'to one issue per instance.',
  );
}

function typeWarning(instance: StoredInstance, ticket: Ticket): string | undefined {
  if (syncsTicketType(instance, ticket.ticketType)) return undefined;
  return (
    `${instance.name} does not sync tickets of type "${ticket.ticketType}", so comments and status changes will ` +
    'not flow for this ticket until an administrator adds the type.'
  );
}

export async function linkTicket(deps: PanelDeps, call: PanelCall): Promise<Envelope<LinkResult>> {
  const denied = await checkIssueAccess(deps, call.issue, 'link');
  if (denied) return denied;
  const input = parseInput(linkTicketPayload, call.payload);
  if (!input.ok) return input;

  const opened = await openInstance(deps, input.value.instanceId);
  if (!opened.ok) return opened;
  const { instance, tickets } = opened;
  const ticket = await tickets.getTicket(input.value.ticket);
  if (!ticket) {
    return fail('TICKET_NOT_FOUND', `There is no ticket ${input.value.ticket} in ${instance.name}.`, {
      ticket: input.value.ticket,
    });
  }

  const created = await deps.links.create({
    instanceId: instance.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    issueId: call.issue.id,
    issueKey: call.issue.key,
    copiesEarlierActions: copyEarlierActionsOf(instance).onLink,
  });
  if (created.status !== 'created') return alreadyLinked(deps, call, ticket, created.link);

  // The issue's JQL fields name the ticket from now on (sync/links-property.ts); a failure there never fails the link.
  await refreshLinksProperty(deps, call.issue, { made: created.link });
  const url = tickets.ticketUrl(ticket);
  const problems = await addLinkMarks(deps, { call, instance, tickets, ticket, link: created.link, url });
  let link = created.link;
  if (problems.length > 0) {
    const error = problems.join(' ');
    const at = deps.now();
    await deps.links.recordSync(link, { at, error });
    link = { ...link, lastError: error, lastErrorAt: at.toISOString() };
  }
  const summary = summarise(instance.id, ticket, url);
  await cacheTickets(deps, call.issue.id, [summary], await readCachedTickets(deps, call.issue.id));

  const warnings = [...problems, typeWarning(instance, ticket)].filter((w): w is string => w !== undefined);
  const linked = toLinkedTicket(link, instance.name, summary);
  return ok(warnings.length === 0 ? { ticket: linked } : { ticket: linked, warnings });
}
