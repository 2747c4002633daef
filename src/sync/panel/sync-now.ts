// syncNow: the panel's "Sync now" (issue 19). For each link of the issue: the ticket is re-read and its new actions
// copied into Jira (the pull's own step, reading even a ticket that looks unchanged), then the issue's recent
// comments that have not reached the ticket are sent (the comment event's own step). Both are exactly-once through the
// mirror ledger, so pressing twice copies nothing new. Within the resolver's 25 s (docs/forge-platform.md): the work
// stops with a message while there is still time to answer, and the next press picks up what is left.
import { z } from 'zod';
import { syncsTicketType, type StoredInstance } from '../../domain/config';
import { adfToPlainText } from '../../domain/content';
import { isAppWrittenComment, startsWithAppHeader } from '../../domain/echo';
import type { JiraComment } from '../../domain/jira';
import { commentPrivacy } from '../../domain/privacy';
import { fail, ok, parseInput, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { contextOf } from '../inbound/deps';
import { pullTicketActions } from '../inbound/ticket-actions';
import { syncComment } from '../outbound/comment-to-action';
import type { OutboundTarget } from '../outbound/deps';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';
import { forgetTicket } from '../ticket-view-cache';
import { checkIssueAccess } from './access';
import type { PanelCall } from './deps';
import type { PanelSyncDeps } from './sync-deps';

export const syncNowPayload = z.object({});

/** At most this many of the issue's newest comments are looked at: older ones had their own events long ago. */
export const SYNC_NOW_COMMENTS = 20;
/** Below this much invocation time no new step starts: enough to finish the one in flight and answer. */
export const SYNC_NOW_MARGIN_MS = 6_000;

export const TIME_SHORT =
  'Time ran short, so not everything was checked. Press "Sync now" again to finish; nothing is copied twice.';

export interface LinkSyncResult {
  instanceId: string;
  ticketId: string;
  ticketNumber: string;
  /** ticket actions copied into Jira as comments now */
  fromTicket: number;
  /** Jira comments sent to the ticket now */
  toTicket: number;
  /** why this link could not be synced (in full), in words */
  error?: string;
}

export interface SyncNowResult {
  results: LinkSyncResult[];
  /** set when the work stopped before every link and comment was looked at */
  stopped?: string;
}

interface Progress {
  link: Link;
  result: LinkSyncResult;
  target?: OutboundTarget;
}

function problem(progress: Progress, words: string): void {
  progress.result.error = progress.result.error === undefined ? words : `${progress.result.error} ${words}`;
}

/** The ticket's side: new actions into Jira. Leaves `progress.target` set when the ticket can receive comments. */
async function pullLink(
  deps: PanelSyncDeps,
  progress: Progress,
  instance: StoredInstance | undefined,
  clients: Map<string, Promise<TicketSystem | undefined>>,
): Promise<void> {
  const { link } = progress;
  if (!instance) return problem(progress, 'Its TeamSupport instance is no longer configured.');
  if (!instance.active) return problem(progress, `Synchronization is turned off for ${instance.name}.`);
  let client = clients.get(instance.id);
  if (!client) {
    client = deps.inbound.openTicketSystem(instance);
    clients.set(instance.id, client);
  }
  const tickets = await client;
  if (!tickets) return problem(progress, `${instance.name} has no API token; ask a Jira administrator.`);
  const ticket = await tickets.getTicket(link.ticketId);
  if (!ticket) {
    return problem(progress, `Ticket #${link.ticketNumber} no longer exists in ${instance.name}.`);
  }
  if (!syncsTicketType(instance, ticket.ticketType)) {
    return problem(progress, `${instance.name} does not sync tickets of type "${ticket.ticketType}".`);
  }
  const context = contextOf(deps.inbound, instance, tickets);
  const outcome = await pullTicketActions(deps.inbound, context, ticket, link, {
    evenIfUnchanged: true,
    onCopied: () => {
      progress.result.fromTicket += 1;
    },
  });
  if (outcome === 'transient') {
    problem(
      progress,
      `Not every action of #${link.ticketNumber} could be copied yet; press "Sync now" again.`,
    );
  }
  progress.target = { link, instance, tickets };
}

/** The issue's newest comments that could go to a ticket: not the app's own copies, not private ones. */
async function candidateComments(deps: PanelSyncDeps, issueId: string): Promise<JiraComment[]> {
  const [comments, issue] = await Promise.all([deps.jira.listComments(issueId), deps.jira.getIssue(issueId)]);
  if (!issue) return [];
  // Private comments were logged (and are shown as the link's problem) when they were written; not again per press.
  return comments
    .slice(-SYNC_NOW_COMMENTS)
    .filter((comment) => !isAppWrittenComment(comment.properties))
    .filter((comment) => !startsWithAppHeader(adfToPlainText(comment.body)))
    .filter((comment) => commentPrivacy(comment, { securityLevel: issue.securityLevel }).shareable);
}

/** The issue's side: each candidate comment to every ticket linked before it was written. */
async function pushComments(
  deps: PanelSyncDeps,
  call: PanelCall,
  linked: readonly Progress[],
): Promise<boolean> {
  const ready = linked.filter((p): p is Progress & { target: OutboundTarget } => p.target !== undefined);
  if (ready.length === 0) return true;
  for (const comment of await candidateComments(deps, call.issue.id)) {
    if (deps.budget.remainingMs() < SYNC_NOW_MARGIN_MS) return false;
    // Comments from before a link were never meant for its ticket (the comment event sends only to linked tickets).
    const receiving = ready.filter((p) => Date.parse(p.link.linkedAt) <= Date.parse(comment.created));
    if (receiving.length === 0) continue;
    const outcomes = await syncComment(
      deps.outbound,
      { kind: 'comment', issueId: call.issue.id, commentId: comment.id, isEdit: false },
      receiving.map((p) => p.target),
      false,
    );
    outcomes.forEach((outcome, index) => {
      const progress = receiving[index];
      if (!progress) return;
      if (outcome === 'sent') progress.result.toTicket += 1;
      else if (outcome === 'failed')
        problem(progress, `A comment by ${comment.authorName} could not be sent.`);
      else if (outcome === 'transient') {
        problem(
          progress,
          `A comment by ${comment.authorName} could not be sent yet; press "Sync now" again.`,
        );
      }
    });
  }
  return true;
}

export async function syncNow(deps: PanelSyncDeps, call: PanelCall): Promise<Envelope<SyncNowResult>> {
  const denied = await checkIssueAccess(deps, call.issue, 'browse');
  if (denied) return denied;
  const input = parseInput(syncNowPayload, call.payload);
  if (!input.ok) return input;
  const links = await deps.links.listByIssue(call.issue.id);
  if (links.length === 0) return ok({ results: [] });
  const config = await deps.config.read();
  if (!config.ok) return fail('CONFIG_UNAVAILABLE', config.error.message);
  const instances = new Map(config.document.instances.map((instance) => [instance.id, instance]));

  const progress: Progress[] = links.map((link) => ({
    link,
    result: {
      instanceId: link.instanceId,
      ticketId: link.ticketId,
      ticketNumber: link.ticketNumber,
      fromTicket: 0,
      toTicket: 0,
    },
  }));
  const clients = new Map<string, Promise<TicketSystem | undefined>>();
  let finished = true;
  for (const item of progress) {
    if (deps.budget.remainingMs() < SYNC_NOW_MARGIN_MS) {
      finished = false;
      break;
    }
    try {
      await pullLink(deps, item, instances.get(item.link.instanceId), clients);
    } catch (error) {
      problem(
        item,
        `Ticket #${item.link.ticketNumber} could not be read: ${redactText(describeError(error))}`,
      );
    }
  }
  if (finished) {
    try {
      finished = await pushComments(deps, call, progress);
    } catch (error) {
      const words = `The issue's comments could not be read: ${redactText(describeError(error))}`;
      for (const item of progress) if (item.target) problem(item, words);
    }
  }
  // Whatever was written, the panel's next read shows the tickets as they are now.
  await forgetTicket(deps.cache, { issueId: call.issue.id });
  const results = progress.map((item) => item.result);
  return ok(finished ? { results } : { results, stopped: TIME_SHORT });
}
