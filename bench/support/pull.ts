// One pull cycle as the platform runs it: the five-minute scheduled trigger, then every queue continuation it hands
// over, until nothing is left; with what it cost, and when each page of the window started.
import type { InvocationRecord } from '../../sandbox/runtime/accounting';
import type { RequestLogEntry } from '../../sandbox/teamsupport';
import type { World } from '../../test/integration/world';
import { PULL_TRIGGER, syncFunctions } from './functions';
import { InvocationWindow } from './measure';

export interface PullCycle {
  /** the scheduled invocation and every inbound-consumer invocation that continued it */
  records: InvocationRecord[];
  /** real time from the trigger to the last continuation's end */
  wallMs: number;
}

export async function pullCycle(world: World): Promise<PullCycle> {
  const { scheduledPull, inboundConsumer } = syncFunctions(world);
  const window = new InvocationWindow(world.sandbox.accounting);
  const started = performance.now();
  await world.sandbox.runScheduledTrigger(PULL_TRIGGER);
  await world.sandbox.drain();
  const wallMs = performance.now() - started;
  const records = window
    .records()
    .filter((r) => r.functionKey === scheduledPull || r.functionKey === inboundConsumer);
  return { records, wallMs };
}

export interface PageRun {
  /** index into the records given to pageTimeline */
  invocation: number;
  pageNumber: number;
  /** ms after the invocation started */
  startedAfterMs: number;
  /** the invocation's budget left when the page was requested: what the handover check saw */
  remainingAtStartMs: number;
  /** until the next page was requested, or the invocation ended */
  durationMs: number;
}

const PAGE_NUMBER = /[?&]pageNumber=(\d+)/;

/**
 * When each window page ran, from the TeamSupport request log (its clock is sandbox time, like the invocation
 * records). A page starts when its list request is sent (logged time minus the injected latency) and lasts until the
 * next page starts or its invocation ends: the time the handover margin has to cover.
 */
export function pageTimeline(
  records: readonly InvocationRecord[],
  entries: readonly RequestLogEntry[],
  latencyMs: number,
): PageRun[] {
  const lists = entries.filter((entry) => entry.method === 'GET' && /\/tickets\?/i.test(entry.url));
  const runs: PageRun[] = [];
  records.forEach((record, invocation) => {
    const end = record.startedAt + (record.durationMs ?? 0);
    const starts = lists
      .map((entry) => ({
        at: entry.at.getTime() - latencyMs,
        pageNumber: Number(PAGE_NUMBER.exec(entry.url)?.[1] ?? 0),
      }))
      .filter(({ at }) => at >= record.startedAt && at <= end);
    starts.forEach(({ at, pageNumber }, i) => {
      runs.push({
        invocation,
        pageNumber,
        startedAfterMs: at - record.startedAt,
        remainingAtStartMs: record.startedAt + record.budgetMs - at,
        durationMs: (starts[i + 1]?.at ?? end) - at,
      });
    });
  });
  return runs;
}
