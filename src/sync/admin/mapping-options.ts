// getMappingOptions: the names the settings' pickers offer. Jira's lists are read as the app; the ticket system's from
// its lookup lists when an instance is named. TeamSupport cannot list custom fields, and a ticket shows only the
// fields of its type, so custom fields are collected from a sample of recently modified tickets: a field no such
// ticket has is missing from the list (the admin can still type it).
import { z } from 'zod';
import type { StoredInstance } from '../../domain/config';
import { InstanceIdParamSchema } from '../../domain/ids';
import { ok, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import type { TicketSystem } from '../ports/ticket-system';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findInstance } from './instances';

export const getMappingOptionsPayload = z.object({ id: InstanceIdParamSchema.optional() });

export interface JiraOptions {
  statuses: string[];
  issueTypes: string[];
  fields: Array<{ id: string; name: string }>;
  projects: Array<{ key: string; name: string }>;
}

export interface TicketOptions {
  statuses: string[];
  ticketTypes: string[];
  actionTypes: string[];
  products: string[];
  versions: Array<{ product: string; version: string }>;
  customFields: string[];
}

export interface MappingOptions {
  jira: JiraOptions;
  ticket?: TicketOptions;
  /** why `ticket` is missing (no token, the ticket system cannot be reached, …) */
  ticketError?: string;
}

const SAMPLE_DAYS = 90;
const SAMPLE_SIZE = 50;

/** Names in first-seen order, without repeats (ignoring case): statuses repeat across ticket types and projects. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function jiraOptions(deps: AdminDeps): Promise<JiraOptions> {
  const [statuses, issueTypes, fields, projects] = await Promise.all([
    deps.jira.listStatuses(),
    deps.jira.listIssueTypes(),
    deps.jira.listFields(),
    deps.jira.listProjects(),
  ]);
  return {
    statuses: uniqueNames(statuses.map((s) => s.name)),
    issueTypes: uniqueNames(issueTypes.map((t) => t.name)),
    fields: fields
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
    projects: projects.map(({ key, name }) => ({ key, name })),
  };
}

async function sampledCustomFields(deps: AdminDeps, tickets: TicketSystem): Promise<string[]> {
  try {
    const since = new Date(deps.now().getTime() - SAMPLE_DAYS * 24 * 60 * 60 * 1000);
    const page = await tickets.listTicketsModifiedSince(since, { pageNumber: 1, pageSize: SAMPLE_SIZE });
    return uniqueNames(page.tickets.flatMap((ticket) => Object.keys(ticket.customFields))).sort();
  } catch (error) {
    deps.logger.warn('Could not sample tickets for their custom fields', { error });
    return [];
  }
}

async function ticketOptions(deps: AdminDeps, tickets: TicketSystem): Promise<TicketOptions> {
  const [statuses, ticketTypes, actionTypes, products, customFields] = await Promise.all([
    tickets.listStatuses(),
    tickets.listTicketTypes(),
    tickets.listActionTypes(),
    tickets.listProducts(),
    sampledCustomFields(deps, tickets),
  ]);
  const versions = await Promise.all(
    products.map(async (product) =>
      (await tickets.listVersions(product.id)).map((version) => ({
        product: product.name,
        version: version.name,
      })),
    ),
  );
  return {
    statuses: uniqueNames(statuses.map((s) => s.name)),
    ticketTypes: ticketTypes.map((t) => t.name),
    actionTypes: actionTypes.map((t) => t.name),
    products: products.map((p) => p.name),
    versions: versions.flat(),
    customFields,
  };
}

async function ticketPart(
  deps: AdminDeps,
  instance: StoredInstance,
): Promise<Pick<MappingOptions, 'ticket' | 'ticketError'>> {
  try {
    const tickets = await deps.openTicketSystem(instance);
    if (!tickets) {
      return { ticketError: `${instance.name} has no API token yet: save one to pick from its lists.` };
    }
    return { ticket: await ticketOptions(deps, tickets) };
  } catch (error) {
    return {
      ticketError: `The lists of ${instance.name} could not be read: ${redactText(describeError(error))}`,
    };
  }
}

export function getMappingOptions(deps: AdminDeps, call: AdminCall): Promise<Envelope<MappingOptions>> {
  return asAdmin(deps, call, getMappingOptionsPayload, async ({ id }) => {
    if (id === undefined) return ok({ jira: await jiraOptions(deps) });
    const found = await findInstance(deps.config, id);
    if (!found.ok) return found;
    const [jira, ticket] = await Promise.all([jiraOptions(deps), ticketPart(deps, found.instance)]);
    return ok({ jira, ...ticket });
  });
}
