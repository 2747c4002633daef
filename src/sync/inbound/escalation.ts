// A ticket asks for a Jira issue through its correlation field (docs/product.md, "Linking tickets to issues"): "NEW"
// (or TeamSupport's own "NewJiraIssue") creates an issue in the project chosen by the five rules, with mapped fields
// pushed once; an issue key links the ticket to that issue, but only within the projects the instance works with.
// The new issue goes through the copy-once step and carries the ticket in an indexed issue property, so an issue whose
// answer was lost is found by a search instead of being created twice. Failures are written back to the ticket once
// per distinct reason and retried every cycle until they succeed.
import { createHash } from 'node:crypto';
import { escalatedNote, escalationFailedNote } from '../../domain/attribution';
import { docOf, htmlToAdf, paragraph } from '../../domain/content';
import { jiraFieldInput, ticketFieldText } from '../../domain/jira-field-input';
import { projectKeyFor } from '../../domain/project-key';
import type { ItemStatus } from '../../domain/item-outcome';
import type { Ticket } from '../../domain/ticket';
import { mayLinkIssueKey } from '../../domain/linkable-project';
import { issueTypeFor } from '../../domain/type-mapping';
import { describeError, IntegrationError } from '../../lib/errors';
import { copyOnce, type CopyOnceResult } from '../copy-once';
import { refreshLinksProperty } from '../links-property';
import { ticketRemoteLink } from '../remote-link';
import { resolveFixedErrors } from '../resolve-errors';
import { syncItemOf } from '../../domain/sync-item';
import { addTicketNote, linkNoteId } from '../ticket-note';
import type { InboundDeps, InstanceContext } from './deps';
import { logTicket } from './log-entry';
import { escalationRequest } from '../../domain/escalation-request';
import { copyEarlierActionsOf } from '../../domain/config';

const OPERATION = 'ticket-to-issue';
// Fields Jira fills itself or that the app always sets.
const PROVIDED_FIELDS = new Set(['project', 'issuetype', 'summary', 'description', 'reporter']);

/** The issue property that names the ticket an escalated issue was created from (indexed: see manifest.yml). */
export const ESCALATION_PROPERTY = 'support-ticket-sync-origin';
const ESCALATION_PROPERTY_PATH = 'ticket';

function escalationRef(instanceId: string, ticketId: string): string {
  return `${instanceId}:${ticketId}`;
}

/** Adds a note to the ticket once per distinct note id; true only the first time (so it is logged once). */
async function noteOnce(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  noteId: string,
  sentence: string,
): Promise<boolean> {
  const result = await addTicketNote(
    deps.ledger,
    {
      instance: context.instance,
      tickets: context.tickets,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      noteId,
      sentence,
    },
    deps.copy,
  );
  return result.status === 'written' || result.status === 'found';
}

async function fail(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  reason: string,
): Promise<ItemStatus> {
  const digest = createHash('sha256').update(reason).digest('hex').slice(0, 16);
  const firstTime = await noteOnce(
    deps,
    context,
    ticket,
    `escalation-failed:${digest}`,
    escalationFailedNote(reason),
  );
  if (firstTime) {
    await logTicket(deps, context, {
      level: 'error',
      operation: OPERATION,
      message: `Ticket #${ticket.number}: ${reason}`,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      retry: {
        kind: 'inbound',
        payload: { kind: 'retry-ticket', instanceId: context.instance.id, ticketId: ticket.id },
      },
    });
  }
  return 'failed';
}

/** Link, remote link, correlation field and a note: each step is idempotent, so an interrupted finish can run again. */
async function finish(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  issue: { id: string; key: string },
  created: boolean,
): Promise<ItemStatus> {
  const { instance, tickets } = context;
  // A new issue starts with the ticket's history, an existing one gets it only when the admin asked (the option is
  // read once, here: the link keeps it, so a retried finish copies the same actions, each once).
  const copy = copyEarlierActionsOf(instance);
  const linked = await deps.links.create({
    instanceId: instance.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    issueId: issue.id,
    issueKey: issue.key,
    copiesEarlierActions: created ? copy.onEscalation : copy.onLink,
  });
  if (linked.status === 'ticket-linked-elsewhere' && linked.link.issueId !== issue.id) {
    return fail(
      deps,
      context,
      ticket,
      `the ticket is already linked to ${linked.link.issueKey}; unlink it first.`,
    );
  }
  // The issue's JQL fields name the ticket from now on (sync/links-property.ts); a failure there never fails the link.
  await refreshLinksProperty(deps, issue, { made: linked.link });
  await deps.jira.upsertRemoteLink(
    issue.id,
    ticketRemoteLink(instance.id, ticket, tickets.ticketUrl(ticket)),
  );
  if (instance.correlationField && ticket.customFields[instance.correlationField] !== issue.key) {
    await tickets.updateFields(ticket, [{ field: instance.correlationField, value: issue.key }]);
  }
  const noted = await noteOnce(
    deps,
    context,
    ticket,
    linkNoteId(linked.link),
    escalatedNote(issue.key, created),
  );
  if (noted) {
    await logTicket(deps, context, {
      level: 'info',
      operation: OPERATION,
      message: created
        ? `Created ${issue.key} from ticket #${ticket.number}.`
        : `Linked ticket #${ticket.number} to ${issue.key}.`,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      issueId: issue.id,
      issueKey: issue.key,
    });
    // What failed before (the field named NOPE-999, a project not allowed…) is fixed now: its errors leave the
    // errors report (issue 20). No link existed when it failed, so the ticket's unresolved errors are read, once.
    const retry = {
      kind: 'inbound',
      payload: { kind: 'retry-ticket', instanceId: instance.id, ticketId: ticket.id },
    };
    await resolveFixedErrors(
      deps,
      syncItemOf({ instanceId: instance.id, ticketId: ticket.id, operation: OPERATION, retry }),
      undefined,
      true,
    );
  }
  return 'sent';
}

async function linkExisting(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  key: string,
): Promise<ItemStatus> {
  if (!mayLinkIssueKey(context.instance, key)) {
    // Otherwise an agent could pull any issue's comments into a customer-visible ticket.
    return fail(
      deps,
      context,
      ticket,
      `${key} is not in a project this TeamSupport instance works with (its project mappings, default project and ` +
        'extra projects); ask a Jira admin to add the project in the app settings.',
    );
  }
  const issue = await deps.jira.getIssue(key);
  if (!issue) return fail(deps, context, ticket, `no Jira issue ${key} exists, or the app cannot see it.`);
  return finish(deps, context, ticket, issue, false);
}

async function buildFields(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
): Promise<
  { ok: true; projectKey: string; fields: Record<string, unknown> } | { ok: false; reason: string }
> {
  const { instance, tickets } = context;
  const project = projectKeyFor(ticket, instance);
  if (!project.ok) return { ok: false, reason: `${project.reason}.` };
  const types = await deps.jira.createMetaIssueTypes(project.projectKey);
  if (!types)
    return {
      ok: false,
      reason: `Jira project ${project.projectKey} does not exist, or the app cannot create issues in it.`,
    };
  const issueType = issueTypeFor(ticket.ticketType, instance.typeMappings, types);
  if (!issueType) return { ok: false, reason: `Jira project ${project.projectKey} has no issue types.` };
  const meta = await deps.jira.createMetaFields(project.projectKey, issueType.id);
  const description = (await tickets.listActions(ticket.id)).find((a) => a.systemKind === 'description');
  const fields: Record<string, unknown> = {
    project: { key: project.projectKey },
    issuetype: { id: issueType.id },
    summary: ticket.name.slice(0, 255) || `Ticket #${ticket.number}`,
    description: docOf([
      paragraph(`Created from TeamSupport ticket #${ticket.number}.`),
      ...(description ? htmlToAdf(description.html).content : []),
    ]),
  };
  for (const mapping of instance.fieldMappings) {
    const field = meta.find(
      (f) =>
        f.fieldId === mapping.jiraField ||
        f.name.trim().toLowerCase() === mapping.jiraField.trim().toLowerCase(),
    );
    // Mapped fields go to Jira once, at creation; optional ones only when the admin asked for them.
    if (!field || (!field.required && !instance.includeNonRequiredFields)) continue;
    const text = ticketFieldText(ticket, mapping.ticketField);
    if (text === null) continue;
    const value = jiraFieldInput(field, text);
    if (value !== undefined) fields[field.fieldId] = value;
  }
  const missing = meta.filter(
    (f) => f.required && !f.hasDefaultValue && !PROVIDED_FIELDS.has(f.fieldId) && !(f.fieldId in fields),
  );
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `Jira requires ${missing.map((f) => `"${f.name}"`).join(', ')} in ${project.projectKey}, and no mapped ticket field gives a value for it.`,
    };
  }
  return { ok: true, projectKey: project.projectKey, fields };
}

async function createIssue(deps: InboundDeps, context: InstanceContext, ticket: Ticket): Promise<ItemStatus> {
  const { instance } = context;
  const ref = escalationRef(instance.id, ticket.id);
  // Why the issue cannot be created, when the plan says so before anything is sent.
  let refusal: string | undefined;
  let result: CopyOnceResult;
  try {
    result = await copyOnce(
      deps.ledger,
      {
        item: { kind: 'note', instanceId: instance.id, noteId: 'escalation', ticketId: ticket.id },
        context: { ticketId: ticket.id },
        describe: `the Jira issue for ticket #${ticket.number}`,
        find: async () =>
          (await deps.jira.findIssueByProperty(ESCALATION_PROPERTY, ESCALATION_PROPERTY_PATH, ref))?.id,
        write: async () => {
          const plan = await buildFields(deps, context, ticket);
          if (!plan.ok) {
            refusal = plan.reason;
            throw new IntegrationError('validation', plan.reason, { system: 'sync', notApplied: true });
          }
          const created = await deps.jira.createIssue(plan.fields, [
            { key: ESCALATION_PROPERTY, value: { [ESCALATION_PROPERTY_PATH]: ref } },
          ]);
          return created.id;
        },
      },
      deps.copy,
    );
  } catch (error) {
    if (error instanceof IntegrationError && error.retryable) throw error;
    return fail(deps, context, ticket, refusal ?? `Jira refused the new issue: ${describeError(error)}`);
  }
  if (result.status === 'busy') return 'transient';
  // Written now, found after a lost answer, or created by an earlier cycle: finish what may be missing (link, field,
  // note); each of those steps is idempotent.
  const issue = await deps.jira.getIssue(result.targetId);
  return issue
    ? finish(deps, context, ticket, issue, true)
    : fail(deps, context, ticket, 'the Jira issue created for it was deleted.');
}

export async function correlateTicket(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  value: string | null | undefined,
): Promise<ItemStatus> {
  const request = escalationRequest(value);
  if (!request) return 'skipped';
  if (request.kind === 'new') return createIssue(deps, context, ticket);
  if (request.kind === 'key') return linkExisting(deps, context, ticket, request.key);
  return fail(
    deps,
    context,
    ticket,
    `the ${context.instance.correlationField ?? 'correlation'} field holds "${value ?? ''}", which is neither NEW nor a Jira issue key.`,
  );
}
