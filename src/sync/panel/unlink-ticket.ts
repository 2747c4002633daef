// unlinkTicket: removes the link between the issue and one ticket, and the Jira remote link that showed it. The link
// goes first: once it is gone nothing syncs, and a remote link left behind (Jira failed) is reported in `warnings`.
import { z } from 'zod';
import { InstanceIdParamSchema, TicketIdParamSchema } from '../../domain/ids';
import { fail, ok, parseInput, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { remoteLinkGlobalId } from '../remote-link';
import { checkIssueAccess } from './access';
import type { PanelCall, PanelDeps } from './deps';

export const unlinkTicketPayload = z.object({
  instanceId: InstanceIdParamSchema,
  ticketId: TicketIdParamSchema,
});

export interface UnlinkResult {
  /** set when the link was removed but the Jira remote link could not be */
  warnings?: string[];
}

export async function unlinkTicket(deps: PanelDeps, call: PanelCall): Promise<Envelope<UnlinkResult>> {
  const denied = await checkIssueAccess(deps, call.issue, 'link');
  if (denied) return denied;
  const input = parseInput(unlinkTicketPayload, call.payload);
  if (!input.ok) return input;
  const { instanceId, ticketId } = input.value;

  // Read first for the ticket number the log shows; the removal itself is conditional on the link joining this issue.
  const existing = await deps.links.getByTicket(instanceId, ticketId);
  if (
    existing?.issueId !== call.issue.id ||
    !(await deps.links.remove({ instanceId, ticketId, issueId: call.issue.id }))
  ) {
    return fail('NOT_FOUND', 'This ticket is not linked to this issue (any more); reload the panel.');
  }

  const warnings: string[] = [];
  try {
    await deps.jira.deleteRemoteLink(call.issue.id, remoteLinkGlobalId(instanceId, ticketId));
  } catch (error) {
    warnings.push(
      `The ticket was unlinked, but its link could not be removed from the Jira issue: ${redactText(describeError(error))}`,
    );
  }
  await deps.log.append({
    level: warnings.length === 0 ? 'info' : 'warn',
    instanceId,
    issueId: call.issue.id,
    issueKey: call.issue.key,
    ticketId,
    ticketNumber: existing.ticketNumber,
    operation: 'unlink-ticket',
    message: [
      `Ticket #${existing.ticketNumber} unlinked from ${call.issue.key} in the issue panel.`,
      ...warnings,
    ].join(' '),
  });
  return ok(warnings.length === 0 ? {} : { warnings });
}
