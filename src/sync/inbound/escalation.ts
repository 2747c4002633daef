// A ticket asks for a Jira issue through its correlation field (seed 000 "Linking Tickets to Issues", teamsupport-api.md
// §14): "NEW" (or TeamSupport's own "NewJiraIssue") creates an issue in the project chosen by the five rules, with
// mapped fields pushed once; an issue key links the ticket to that issue. Failures are written back to the ticket once
// per distinct reason and retried every cycle until they succeed.
import { createHash } from 'node:crypto';
import { escalatedNoteHtml, escalationFailedNoteHtml } from '../../domain/attribution';
import { docOf, htmlToAdf, paragraph } from '../../domain/content';
import { jiraFieldInput, ticketFieldText } from '../../domain/jira-field-input';
import { projectKeyFor } from '../../domain/project-key';
import type { Ticket } from '../../domain/ticket';
import { issueTypeFor } from '../../domain/type-mapping';
import { describeError, IntegrationError } from '../../lib/errors';
import type { MirrorClaim } from '../ports';
import { ticketRemoteLink } from '../remote-link';
import type { InboundDeps, InstanceContext, ItemOutcome } from './deps';
import { logTicket } from './log';

const OPERATION = 'ticket-to-issue';
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{1,9}-\d+$/;
// Fields Jira fills itself or that the app always sets.
const PROVIDED_FIELDS = new Set(['project', 'issuetype', 'summary', 'description', 'reporter']);

export function escalationRequest(
  value: string | null | undefined,
): { kind: 'new' } | { kind: 'key'; key: string } | { kind: 'invalid' } | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^(new|newjiraissue)$/i.test(trimmed)) return { kind: 'new' };
  const key = trimmed.toUpperCase();
  return ISSUE_KEY.test(key) ? { kind: 'key', key } : { kind: 'invalid' };
}

/** Adds a note to the ticket once per distinct note id (ledger), and logs only the first time. */
async function noteOnce(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  noteId: string,
  html: string,
): Promise<boolean> {
  const item = { kind: 'note' as const, instanceId: context.instance.id, noteId, ticketId: ticket.id };
  const claim = await deps.ledger.claim(item, { leaseMs: deps.claimLeaseMs, ticketId: ticket.id });
  if (claim.status !== 'claimed' && claim.status !== 'reclaimed') return false;
  try {
    const action = await context.tickets.createAction(ticket.id, {
      actionTypeName: context.instance.commentActionType,
      visibleOnPortal: false,
      html,
    });
    await deps.ledger.recordOrigin(
      { kind: 'action', instanceId: context.instance.id, actionId: action.id },
      noteId,
    );
    await deps.ledger.complete(claim.claim, action.id);
    return true;
  } catch (error) {
    await deps.ledger.release(claim.claim);
    throw error;
  }
}

async function fail(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  reason: string,
): Promise<ItemOutcome> {
  const digest = createHash('sha256').update(reason).digest('hex').slice(0, 16);
  const firstTime = await noteOnce(
    deps,
    context,
    ticket,
    `escalation-failed:${digest}`,
    escalationFailedNoteHtml(reason),
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
  return 'ok';
}

/** Link, remote link, correlation field and a note: each step is idempotent, so an interrupted finish can run again. */
async function finish(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  issue: { id: string; key: string },
  created: boolean,
): Promise<ItemOutcome> {
  const { instance, tickets } = context;
  const linked = await deps.links.create({
    instanceId: instance.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    issueId: issue.id,
    issueKey: issue.key,
  });
  if (linked.status === 'ticket-linked-elsewhere' && linked.link.issueId !== issue.id) {
    return fail(
      deps,
      context,
      ticket,
      `the ticket is already linked to ${linked.link.issueKey}; unlink it first.`,
    );
  }
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
    `linked:${issue.id}`,
    escalatedNoteHtml(issue.key, created),
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
  }
  return 'ok';
}

async function linkExisting(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  key: string,
): Promise<ItemOutcome> {
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

async function createIssue(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
): Promise<ItemOutcome> {
  const item = {
    kind: 'note' as const,
    instanceId: context.instance.id,
    noteId: 'escalation',
    ticketId: ticket.id,
  };
  const outcome = await deps.ledger.claim(item, { leaseMs: deps.claimLeaseMs, ticketId: ticket.id });
  if (outcome.status === 'in-progress') return 'transient';
  if (outcome.status === 'done') {
    // Created earlier; finish what the earlier run may not have (link, field, note).
    const issue = await deps.jira.getIssue(outcome.targetId);
    return issue
      ? finish(deps, context, ticket, issue, true)
      : fail(deps, context, ticket, 'the Jira issue created for it was deleted.');
  }
  const claim: MirrorClaim = outcome.claim;
  let created: { id: string; key: string };
  try {
    const plan = await buildFields(deps, context, ticket);
    if (!plan.ok) {
      await deps.ledger.release(claim);
      return fail(deps, context, ticket, plan.reason);
    }
    created = await deps.jira.createIssue(plan.fields);
  } catch (error) {
    await deps.ledger.release(claim);
    if (error instanceof IntegrationError && error.retryable) return 'transient';
    return fail(deps, context, ticket, `Jira refused the new issue: ${describeError(error)}`);
  }
  // Complete first: a crash after this point finishes the escalation instead of creating another issue.
  await deps.ledger.complete(claim, created.id);
  return finish(deps, context, ticket, created, true);
}

export async function correlateTicket(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  value: string | null | undefined,
): Promise<ItemOutcome> {
  const request = escalationRequest(value);
  if (!request) return 'ok';
  try {
    if (request.kind === 'new') return await createIssue(deps, context, ticket);
    if (request.kind === 'key') return await linkExisting(deps, context, ticket, request.key);
    return await fail(
      deps,
      context,
      ticket,
      `the ${context.instance.correlationField ?? 'correlation'} field holds "${value ?? ''}", which is neither NEW nor a Jira issue key.`,
    );
  } catch (error) {
    if (error instanceof IntegrationError && error.retryable) return 'transient';
    throw error;
  }
}
