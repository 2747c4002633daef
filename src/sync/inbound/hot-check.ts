// One `check-ticket` job (issue 19): the cheap read of a hot or hinted ticket between scheduled pulls. It reads the
// ticket (one TeamSupport request) and its link, and reads the ticket's actions only when the ticket changed since
// they were last read and handled (changedSinceRead), through pullTicketActions, which copies each action once
// (sync/copy-once). A hot ticket's check then queues the next one of its chain while the window lasts; a push hint's
// check names the ticket by number, and starts (or moves) the ticket's hot window.
import { describeError } from '../../lib/errors';
import type { JobResult } from '../job-result';
import type { CheckTicketJob } from '../jobs/inbound';
import type { Link } from '../records/link';
import type { Ticket } from '../../domain/ticket';
import type { InboundDeps, InstanceContext } from './deps';
import { hotSettings } from './hot-settings';
import { markHot, type HotActivity, type HotDeps } from './hot-window';
import { logTicket } from './log-entry';
import { changedSinceRead, pullTicketActions } from './ticket-actions';

const HINT_OPERATION = 'push-hint';

export async function checkTicket(
  deps: InboundDeps & Partial<HotActivity>,
  context: InstanceContext,
  job: CheckTicketJob,
): Promise<JobResult> {
  return 'chain' in job ? checkHotTicket(deps, context, job) : checkHintedTicket(deps, context, job);
}

async function checkHotTicket(
  deps: InboundDeps & Partial<HotActivity>,
  context: InstanceContext,
  job: Extract<CheckTicketJob, { chain: string }>,
): Promise<JobResult> {
  const hot = deps.hot;
  if (hot === undefined) return { status: 'skipped', reason: 'hot tickets are not set up' };
  const { instance } = context;
  const window = await hot.windows.get(instance.id, job.ticketId);
  if (window === undefined || window.chain !== job.chain)
    return { status: 'skipped', reason: 'the hot window ended or another chain of checks took over' };
  if (Date.parse(window.until) <= hot.now().getTime())
    return { status: 'skipped', reason: 'the hot window ended' };
  if (await hot.pullSlowed(instance))
    return { status: 'skipped', reason: "TeamSupport's daily request budget slowed the pull" };
  let changed = false;
  try {
    const [ticket, link] = await Promise.all([
      context.tickets.getTicket(job.ticketId),
      deps.links.getByTicket(instance.id, job.ticketId),
    ]);
    if (ticket === undefined || link === undefined)
      return { status: 'skipped', reason: 'the ticket or its link no longer exists' };
    // An action copied into Jira is activity too: the window moves on from now. (A ticket read again only because its
    // minute-precision date cannot tell is not.)
    changed = (await readIfChanged(deps, context, ticket, link)) > 0;
    if (changed) await markHot(deps, instance, job.ticketId);
  } catch (error) {
    // The next check (or the scheduled pull) tries again; a check is never retried on its own.
    hot.logger.warn('A hot ticket check failed', { instanceId: instance.id, ticketId: job.ticketId, error });
  }
  // Reading new actions moved the window's end (markHot above): read it again only then.
  const latest = changed ? await hot.windows.get(instance.id, job.ticketId) : window;
  await continueChain(hot, context, job, latest);
  return { status: 'done' };
}

async function continueChain(
  hot: HotDeps,
  context: InstanceContext,
  job: Extract<CheckTicketJob, { chain: string }>,
  window: { until: string; chain: string } | undefined,
): Promise<void> {
  if (window === undefined || window.chain !== job.chain) return;
  const { checkSeconds } = hotSettings(context.instance);
  if (hot.now().getTime() + checkSeconds * 1000 > Date.parse(window.until)) return;
  await hot.queues.pushInbound(job, { delaySeconds: checkSeconds });
}

/** Reads the actions when the ticket changed since they were last handled; how many were copied into Jira. */
async function readIfChanged(
  deps: InboundDeps & Partial<HotActivity>,
  context: InstanceContext,
  ticket: Ticket,
  link: Link,
): Promise<number> {
  if (!changedSinceRead(ticket, link)) return 0;
  let copied = 0;
  await pullTicketActions(deps, context, ticket, link, { onCopied: () => (copied += 1) });
  return copied;
}

async function checkHintedTicket(
  deps: InboundDeps & Partial<HotActivity>,
  context: InstanceContext,
  job: Extract<CheckTicketJob, { ticketNumber: string }>,
): Promise<JobResult> {
  const { instance } = context;
  // TeamSupport reads `/tickets/{ref}` as an id first, then as a number (docs/teamsupport-api.md §3): a ticket whose
  // number is not the one hinted is not the hinted ticket.
  const ticket = await context.tickets.getTicket(job.ticketNumber);
  if (ticket === undefined || ticket.number !== job.ticketNumber)
    return { status: 'skipped', reason: `ticket #${job.ticketNumber} was not found` };
  const link = await deps.links.getByTicket(instance.id, ticket.id);
  if (link === undefined) {
    await logTicket(deps, context, {
      level: 'info',
      operation: HINT_OPERATION,
      message: `A push hint named ticket #${ticket.number}, which is not linked to a Jira issue: nothing to sync.`,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
    });
    return { status: 'skipped', reason: 'the ticket is not linked' };
  }
  await markHot(deps, instance, ticket.id);
  try {
    await readIfChanged(deps, context, ticket, link);
  } catch (error) {
    // The hot window's checks (or the scheduled pull) read it again.
    deps.hot?.logger.warn('A hinted ticket check failed', {
      instanceId: instance.id,
      ticketId: ticket.id,
      error: describeError(error),
    });
  }
  return { status: 'done' };
}
