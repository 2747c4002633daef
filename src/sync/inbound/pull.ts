// The incremental pull of one instance (docs/reliability.md): tickets modified since the watermark minus an overlap,
// page by page, with a checkpoint after each page so a pull that runs out of time hands over and resumes where it
// stopped. The watermark moves only when the whole window is done; overlap duplicates are no-ops thanks to the ledger.
// Cost follows change: with nothing modified a cycle is one list request. One failing ticket never holds up the rest:
// it is set aside (sync/inbound/set-aside) and the pull moves on; only a failure of the whole instance (its API
// limit, its credentials, storage) stops the pull, which then resumes from the cursor in the next cycle.
import { ESCALATION_VALUES } from '../../domain/escalation-request';
import { startOfMinute } from '../../domain/modification-time';
import { runPool } from '../../lib/worker-pool';
import type { Ticket } from '../../domain/ticket';
import type { PullCursor } from '../records/pull-cursor';
import type { InboundDeps, InstanceContext } from './deps';
import { processTicket } from './process-ticket';
import { failsWholeInstance, setTicketAside } from './set-aside';
import { SettledTickets } from './settled-tickets';

/** What a pull of one instance did, in sum (its tickets' items were logged one by one). */
export type PullSummary =
  /** the window is done and the watermark moved */
  | { status: 'done'; tickets: number; pages: number }
  /** time ran short: the cursor holds where to resume */
  | { status: 'handover'; tickets: number; pages: number }
  /** something transient failed: the cursor stays at the failed page for the next cycle */
  | { status: 'retry-later'; tickets: number; pages: number };

// A brand-new instance looks back this far on its first pull, not over the whole history.
const FIRST_PULL_LOOKBACK_MS = 60 * 60 * 1000;
const MINUTE_MS = 60_000;
/**
 * A ticket that asks for escalation is listed by the window in which it asked. Tickets that still ask after that (their
 * escalation failed: a project to map, a required field) are searched for every cycle while there are any, so the
 * admin's fix takes effect at the next cycle; when the last search found none, the search is only a safety net and
 * runs once an hour: 48 searches a day per instance instead of 576.
 */
const ESCALATION_SWEEP_MS = 60 * 60 * 1000;

function openWindow(
  cursor: PullCursor | undefined,
  deps: InboundDeps,
): { watermark: string; window: NonNullable<PullCursor['window']> } {
  const now = deps.now().getTime();
  const watermark = cursor?.watermark ?? new Date(now - FIRST_PULL_LOOKBACK_MS).toISOString();
  const window = cursor?.window ?? {
    since: new Date(Date.parse(watermark) - deps.overlapMs).toISOString(),
    until: new Date(now).toISOString(),
    nextPage: 1,
  };
  return { watermark, window };
}

/** `loaded` is the cursor the caller read already (the scheduled pull): it is not read again. */
export async function pullInstance(
  deps: InboundDeps,
  context: InstanceContext,
  loaded?: PullCursor,
): Promise<PullSummary> {
  const { instance, tickets } = context;
  const cursor = loaded ?? (await deps.cursors.load(instance.id));
  const { watermark, window } = openWindow(cursor, deps);
  const settled = new SettledTickets(cursor?.settled);
  // A continuation goes on with the last minute's copies counted, not with a fresh minute.
  if (cursor?.paced) context.pacer.restore(cursor.paced);
  let sweptAt = cursor?.sweptAt;
  let asking = cursor?.asking ?? 0;
  // Windows to come start `overlapMs` before this one's end: what they will list again is worth remembering.
  const keep = (at: PullCursor): PullCursor => {
    // The list filter works to the minute, so a ticket stamped with the window's first minute is listed too.
    const stored = settled.toStored(startOfMinute(Date.parse(at.watermark) - deps.overlapMs) - MINUTE_MS);
    return {
      ...at,
      ...(stored === undefined ? {} : { settled: stored }),
      ...(cursor?.prunedAt === undefined ? {} : { prunedAt: cursor.prunedAt }),
      ...(sweptAt === undefined ? {} : { sweptAt }),
      ...(asking === 0 ? {} : { asking }),
      ...(at.window === undefined ? {} : { paced: context.pacer.recent() }),
    };
  };
  const checkpoint = (page: number) =>
    deps.cursors.save(instance.id, keep({ watermark, window: { ...window, nextPage: page } }));
  const seen = new Set<string>();
  // The tickets this window handled: the escalation search below need not handle them again.
  const processed = new Set<string>();
  let pages = 0;
  for (let page = window.nextPage; ; page++) {
    if (deps.budget.remainingMs() < deps.handoverMarginMs) {
      await checkpoint(page);
      return { status: 'handover', tickets: seen.size, pages };
    }
    const result = await tickets.listTicketsModifiedSince(new Date(window.since), {
      pageNumber: page,
      pageSize: deps.pageSize,
    });
    pages += 1;
    result.tickets.forEach((ticket) => seen.add(ticket.id));
    const changed = result.tickets.filter((ticket) => !settled.has(ticket));
    changed.forEach((ticket) => processed.add(ticket.id));
    // A few tickets at a time, each by one worker that keeps its actions in order; the next ticket starts as soon as
    // any finishes, so a slow ticket holds back no one (lib/worker-pool). The time budget is checked before each
    // ticket: one page can take longer than the margin. The checkpoint stays at this page until every ticket of it is
    // done, whatever order they finish in: a page left half-way is redone from its start next time, and the tickets
    // already done cost nothing (settled) or a read, not a write (the ledger).
    const run = await runPool(changed, {
      limit: deps.ticketConcurrency,
      shouldStart: () => deps.budget.remainingMs() >= deps.handoverMarginMs,
      work: (ticket) => workOnTicket(deps, context, ticket, (startedAt) => settled.add(ticket, startedAt)),
    }).catch(async (error: unknown) => {
      // The whole instance failed: keep the place, and let the caller report why.
      await checkpoint(page);
      throw error;
    });
    if (run.end !== 'done') {
      await checkpoint(page);
      return { status: run.end === 'declined' ? 'handover' : 'retry-later', tickets: seen.size, pages };
    }
    const last = result.tickets.length === 0 || page * deps.pageSize >= result.totalRecords;
    if (last) break;
    // Checkpoint only when another page follows: the final save below replaces it anyway.
    await checkpoint(page + 1);
  }
  const sweepDue =
    asking > 0 || sweptAt === undefined || deps.now().getTime() - Date.parse(sweptAt) >= ESCALATION_SWEEP_MS;
  if (instance.correlationField && sweepDue) {
    sweptAt = deps.now().toISOString();
    asking = 0;
    for (const value of ESCALATION_VALUES) {
      const found = await tickets.findTicketsByField(instance.correlationField, value);
      asking += found.length;
      for (const ticket of found) {
        if (processed.has(ticket.id)) continue;
        processed.add(ticket.id);
        seen.add(ticket.id);
        if (!(await workOnTicket(deps, context, ticket))) {
          return { status: 'retry-later', tickets: seen.size, pages };
        }
      }
    }
  }
  await deps.cursors.save(instance.id, keep({ watermark: window.until }));
  return { status: 'done', tickets: seen.size, pages };
}

/**
 * One ticket, its actions in order. A ticket that fails is set aside and retried on its own. Throws when a failure
 * concerns the whole instance; false when the ticket could not be set aside: either way the pull stops at this page.
 * `handled` hears of a ticket done in full, with when its work started (what its read includes: settled-tickets).
 */
async function workOnTicket(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
  handled: (startedAt: Date) => void = () => undefined,
): Promise<boolean> {
  const startedAt = deps.now();
  let failure: unknown;
  try {
    // A failed item was logged with its own Retry: the ticket is done; only a transient one sets it aside.
    if ((await processTicket(deps, context, ticket)) !== 'transient') {
      handled(startedAt);
      return true;
    }
  } catch (error) {
    if (failsWholeInstance(error)) throw error;
    failure = error;
  }
  return setTicketAside(deps, context, ticket, failure);
}
