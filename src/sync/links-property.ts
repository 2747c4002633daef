// Keeps an issue's JQL-searchable links (the `support-ticket-sync-links` property, domain/links-property.ts) equal to
// its stored links. One rule for every place that changes links: read the issue's links (the by-issue index), compute
// the whole value, write it, or remove the property when no link is left. The value depends only on the links and the
// instance names, so a retry or a write whose answer was lost writes the same thing again.
//
// Where it runs: linking in the panel (panel/link-ticket.ts), unlinking (panel/unlink-ticket.ts), escalation and
// correlation-field links (inbound/escalation.ts), and the repair job (links-repair/), which also covers a deleted
// instance (queued by admin/delete-instance.ts) and renamed ones. A deleted issue needs nothing: its properties go
// with it. A failed write never fails the link: it is a warning in the sync log, and the daily repair writes it.
import {
  isLinksProperty,
  LINKS_PROPERTY_KEY,
  linksPropertyOf,
  type LinksPropertyValue,
} from '../domain/links-property';
import { describeError, IntegrationError } from '../lib/errors';
import { redactText } from '../lib/logger';
import type { ConfigRepository } from './ports/config-repository';
import type { IssuePropertyPort } from './ports/issue-properties';
import type { LinkRepository } from './ports/link-repository';
import type { SyncLog } from './ports/sync-log';
import type { Link } from './records/link';

export interface LinksPropertyDeps {
  jira: Pick<IssuePropertyPort, 'setIssueProperty' | 'deleteIssueProperty'>;
  links: Pick<LinkRepository, 'listByIssue'>;
  config: Pick<ConfigRepository, 'read'>;
  log: Pick<SyncLog, 'append'>;
}

/** The names of the configured TeamSupport instances by id; undefined when the settings cannot be read. */
export async function instanceNames(
  config: Pick<ConfigRepository, 'read'>,
): Promise<Map<string, string> | undefined> {
  const read = await config.read();
  if (!read.ok) return undefined;
  return new Map(read.document.instances.map((instance) => [instance.id, instance.name]));
}

export type LinksPropertyChange = 'unchanged' | 'written' | 'removed' | 'issue-gone';

/**
 * A link the caller has just made or removed. Index queries are eventually consistent (docs/forge-platform.md §3.2),
 * so the by-issue listing may not show it yet: it is applied on top of what the listing says.
 */
export type LinkChange =
  | { made: Pick<Link, 'instanceId' | 'ticketId' | 'ticketNumber'> }
  | { removed: Pick<Link, 'instanceId' | 'ticketId'> };

function withChange(links: readonly Link[], change: LinkChange | undefined) {
  if (change === undefined) return links;
  const target = 'made' in change ? change.made : change.removed;
  const others = links.filter(
    (link) => link.instanceId !== target.instanceId || link.ticketId !== target.ticketId,
  );
  return 'made' in change ? [...others, change.made] : others;
}

/**
 * Brings the issue's property in line with its stored links. `current` is the value Jira holds when the caller knows
 * it (`{ value: undefined }`: no property), so that nothing is written when it is right already; without it the value
 * is written (or removed) regardless. Throws what the reads and writes throw, except that a missing issue is reported.
 */
export async function writeLinksProperty(
  deps: Pick<LinksPropertyDeps, 'jira' | 'links'>,
  issueId: string,
  names: ReadonlyMap<string, string>,
  known: { current?: { value: unknown }; change?: LinkChange } = {},
): Promise<LinksPropertyChange> {
  const links = withChange(await deps.links.listByIssue(issueId), known.change);
  const expected: LinksPropertyValue | undefined = linksPropertyOf(links, names);
  if (known.current !== undefined && isLinksProperty(known.current.value, expected)) return 'unchanged';
  if (expected === undefined) {
    await deps.jira.deleteIssueProperty(issueId, LINKS_PROPERTY_KEY);
    return 'removed';
  }
  try {
    await deps.jira.setIssueProperty(issueId, LINKS_PROPERTY_KEY, expected);
    return 'written';
  } catch (error) {
    if (error instanceof IntegrationError && error.kind === 'not-found') return 'issue-gone';
    throw error;
  }
}

/**
 * After a link of `issue` was made or removed: rewrites the issue's property. Never throws, so the link stands
 * whatever happens here; a failure is a warning in the sync log of the link's instance.
 */
export async function refreshLinksProperty(
  deps: LinksPropertyDeps,
  issue: { id: string; key: string },
  change: LinkChange,
): Promise<void> {
  let reason: string;
  try {
    const names = await instanceNames(deps.config);
    if (names !== undefined) {
      await writeLinksProperty(deps, issue.id, names, { change });
      return;
    }
    reason = 'the settings could not be read';
  } catch (error) {
    reason = redactText(describeError(error));
  }
  await deps.log.append({
    level: 'warn',
    instanceId: 'made' in change ? change.made.instanceId : change.removed.instanceId,
    issueId: issue.id,
    issueKey: issue.key,
    operation: 'links-property',
    message:
      `The JQL fields that find ${issue.key} by its tickets (supportTickets, supportTicketNumber, ` +
      `supportTicketInstance) could not be updated: ${reason}. The daily repair updates them.`,
  });
}
