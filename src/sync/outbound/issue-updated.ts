// Jira issue changes → linked tickets (docs/product.md, "Status and field sync"). The issue is re-read so late or
// out-of-order events apply the issue's current state, and writes are skipped when the ticket already has the value
// (read-before-write makes echoes die out, docs/sync-design.md §4).
import { statusChangedNote, statusNotMatchedNote } from '../../domain/attribution';
import { ticketFieldValue } from '../../domain/field-value';
import type { ItemStatus } from '../../domain/item-outcome';
import type { JiraField, JiraIssue } from '../../domain/jira';
import { ticketStatusFor } from '../../domain/status-mapping';
import type { TicketFieldChange } from '../../domain/ticket';
import { ticketTypeFor } from '../../domain/type-mapping';
import type { IssueUpdatedJob } from '../jobs/outbound';
import type { OutboundDeps, OutboundTarget } from './deps';
import { sameName } from '../../domain/names';
import { guardEachTarget, onlyTarget, ticketTypeAllowed } from './guard';
import { logForTarget } from './log-entry';
import { addNoteOnce } from './notes';
import { forgetTicket } from '../ticket-view-cache';

const OPERATION = 'issue-update-to-ticket';

function jiraFieldFor(mapping: string, fields: readonly JiraField[]): JiraField | undefined {
  return fields.find((f) => f.id === mapping) ?? fields.find((f) => sameName(f.name, mapping));
}

async function syncStatus(
  deps: OutboundDeps,
  target: OutboundTarget,
  job: IssueUpdatedJob,
  issue: JiraIssue,
): Promise<ItemStatus> {
  const change = job.statusChange;
  if (!change) return 'skipped';
  if (!target.instance.updateTicketStatus) {
    // A note records this change as it happened, even when later changes followed.
    return addNoteOnce(
      deps,
      target,
      `status:${job.changelogId}`,
      statusChangedNote(issue.key, change.from, change.to),
    );
  }
  // A later status change superseded this one; its own job sets the current status.
  if (!sameName(change.to, issue.status)) return 'skipped';
  const ticket = await target.tickets.getTicket(target.link.ticketId);
  if (!ticket) {
    await logForTarget(
      deps,
      target,
      OPERATION,
      'warn',
      `Ticket #${target.link.ticketNumber} no longer exists in TeamSupport.`,
    );
    return 'skipped';
  }
  const statuses = (await target.tickets.listStatuses()).filter((s) =>
    sameName(s.ticketType, ticket.ticketType),
  );
  const wanted = ticketStatusFor(
    issue.status,
    target.instance.statusMappings,
    statuses.map((s) => s.name),
  );
  if (wanted === undefined) {
    await logForTarget(
      deps,
      target,
      OPERATION,
      'warn',
      `No ${ticket.ticketType} status matches the Jira status "${issue.status}"; the ticket status was left as "${ticket.status}".`,
    );
    return addNoteOnce(
      deps,
      target,
      `status-unmatched:${job.changelogId}`,
      statusNotMatchedNote(issue.key, issue.status, ticket.ticketType),
    );
  }
  const result = await target.tickets.setStatus(ticket, wanted);
  if (result === 'updated') {
    await logForTarget(
      deps,
      target,
      OPERATION,
      'info',
      `Ticket status set to "${wanted}" (Jira status "${issue.status}").`,
    );
    return 'sent';
  }
  return 'skipped';
}

async function syncFields(
  deps: OutboundDeps,
  target: OutboundTarget,
  job: IssueUpdatedJob,
  issue: JiraIssue,
  jiraFields: readonly JiraField[],
): Promise<ItemStatus> {
  const changes: TicketFieldChange[] = [];
  for (const mapping of target.instance.fieldMappings) {
    const field = jiraFieldFor(mapping.jiraField, jiraFields);
    if (!field || !job.changedFields.some((changed) => changed === field.id || sameName(changed, field.name)))
      continue;
    changes.push({ field: mapping.ticketField, value: ticketFieldValue(field, issue.fields[field.id]) });
  }
  const typeChanged = job.changedFields.includes('issuetype');
  if (changes.length === 0 && !typeChanged) return 'skipped';
  const ticket = await target.tickets.getTicket(target.link.ticketId);
  if (!ticket) return 'skipped';
  let outcome: ItemStatus = 'skipped';
  if (changes.length > 0) {
    await target.tickets.updateFields(ticket, changes);
    await logForTarget(
      deps,
      target,
      OPERATION,
      'info',
      `Updated ${changes.map((c) => c.field).join(', ')} from Jira.`,
    );
    outcome = 'sent';
  }
  if (typeChanged) {
    const types = (await target.tickets.listTicketTypes()).map((t) => t.name);
    const wanted = ticketTypeFor(issue.issueType, target.instance.typeMappings, types);
    if (wanted !== undefined && (await target.tickets.setTicketType(ticket, wanted)) === 'updated') {
      await logForTarget(
        deps,
        target,
        OPERATION,
        'info',
        `Ticket type set to "${wanted}" (Jira issue type "${issue.issueType}").`,
      );
      outcome = 'sent';
    }
  }
  return outcome;
}

export async function syncIssueUpdate(
  deps: OutboundDeps,
  job: IssueUpdatedJob,
  targets: OutboundTarget[],
  finalAttempt: boolean,
): Promise<ItemStatus[]> {
  // The reads serve every target; a failed read fails each target inside its guard (retried, then logged with Retry).
  const read = readIssueAndFields(deps, job, targets);
  read.catch(() => undefined);
  const context = { operation: OPERATION, finalAttempt, retryJob: onlyTarget(job) };
  return guardEachTarget(deps, targets, context, async (target) => {
    const { issue, jiraFields } = await read;
    if (!issue) {
      await logForTarget(
        deps,
        target,
        OPERATION,
        'warn',
        `Jira issue ${job.issueKey} no longer exists, or the app can no longer browse it (check the project's ` +
          'permissions), so its change was not synced.',
      );
      return 'skipped';
    }
    if (!(await ticketTypeAllowed(target))) return 'skipped';
    const status = await syncStatus(deps, target, job, issue);
    const fields = await syncFields(deps, target, job, issue, jiraFields);
    if (status === 'transient' || fields === 'transient') return 'transient';
    const outcome = status === 'sent' || fields === 'sent' ? 'sent' : 'skipped';
    if (outcome === 'sent') {
      await deps.links.recordSync(target.link, { at: new Date() });
      // The panel shows the new status at once (sync/ticket-view-cache).
      await forgetTicket(deps.cache, target.link);
    }
    return outcome;
  });
}

async function readIssueAndFields(
  deps: OutboundDeps,
  job: IssueUpdatedJob,
  targets: readonly OutboundTarget[],
): Promise<{ issue: JiraIssue | undefined; jiraFields: JiraField[] }> {
  const jiraFields = job.changedFields.length > 0 ? await deps.jira.listFields() : [];
  const mappedIds = new Set(
    targets
      .flatMap((t) => t.instance.fieldMappings.map((m) => jiraFieldFor(m.jiraField, jiraFields)?.id ?? ''))
      .filter(Boolean),
  );
  return { issue: await deps.jira.getIssue(job.issueId, [...mappedIds]), jiraFields };
}
