// Issue 7 — a backlog of 5,000 new ticket actions at 100 ms emulated latency on Jira and TeamSupport. The pull hands
// over to queue continuations before an invocation's time runs out, and every action becomes exactly one Jira
// comment. The page timeline shows how long each page of 100 tickets took against the 30 s handover margin.
// Two shapes of the same backlog: spread over 500 tickets (10 actions each) and over 200 tickets (25 each).
// Each takes a few minutes of real time.
import { z } from 'zod';
import { createWorld, type World } from '../test/integration/world';
import type { Benchmark, SummaryLine } from './support/benchmark';
import { syncFunctions } from './support/functions';
import { hostOf, KvsWriteClock, requestsTo } from './support/measure';
import { pageTimeline, pullCycle, type PullCycle } from './support/pull';
import { percent, renderTable, seconds } from './support/report';
import { addCustomerAction, createIssues, createTickets, linkAll, type IssueRef } from './support/seed';

const LATENCY_MS = 100;
const INTERVAL_MS = 5 * 60_000;
// src/entry/compose.ts: below this much remaining time the pull hands over instead of starting another page.
const HANDOVER_MARGIN_MS = 30_000;
// Further scheduled cycles allowed when the first one (with its continuations) leaves actions behind; a pull whose
// invocation overran is left alone for 10 minutes (CONTINUATION_GRACE_MS), so two more cycles are needed to resume.
const MAX_EXTRA_CYCLES = 3;
// An invocation that ends with less than this share of its budget used up has not run out of time.
const EXHAUSTED_SHARE = 0.95;

const appMark = z.looseObject({
  key: z.literal('support-ticket-sync'),
  value: z.looseObject({ actionId: z.string() }),
});
const commentProperties = z.looseObject({ properties: z.array(z.unknown()).optional() });

/** How many Jira comments carry each action id (the app's comment property). */
export function commentsPerAction(world: World, issues: readonly IssueRef[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    for (const comment of world.jira.admin.comments(issue.id)) {
      for (const property of commentProperties.parse(comment).properties ?? []) {
        const mark = appMark.safeParse(property);
        if (mark.success) {
          counts.set(mark.data.value.actionId, (counts.get(mark.data.value.actionId) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}

interface Shape {
  name: string;
  tickets: number;
  actionsPerTicket: number;
}

async function runShape(shape: Shape, print: (text: string) => void): Promise<SummaryLine[]> {
  const world = await createWorld();
  try {
    const tickets = createTickets(world, shape.tickets, new Date(Date.now() - 2 * 24 * 3600_000));
    const issues = createIssues(world, shape.tickets, 'Backlog issue');
    await linkAll(
      world,
      tickets.flatMap((ticket, i) => {
        const issue = issues[i];
        return issue ? [{ issue, ticket }] : [];
      }),
    );
    // Watermark first; then let the emulator's freshly seeded tickets leave the overlap window.
    await pullCycle(world);
    world.sandbox.advanceClock(11 * 60_000);
    await pullCycle(world);

    world.sandbox.advanceClock(INTERVAL_MS);
    const actionIds: string[] = [];
    for (let round = 1; round <= shape.actionsPerTicket; round++) {
      for (const ticket of tickets) {
        const text = `backlog message ${round} on #${ticket.ticketNumber}`;
        actionIds.push(String(addCustomerAction(world, ticket, text)));
      }
    }
    world.jira.faults.setLatency(LATENCY_MS);
    world.ts.setLatency(LATENCY_MS);
    world.ts.clearRequests();
    const writeClock = new KvsWriteClock(world.sandbox.kvs);
    print(
      `${actionIds.length.toLocaleString('en-US')} new actions on ${shape.tickets} linked tickets ` +
        `(${shape.actionsPerTicket} each); pulling at ${LATENCY_MS} ms latency (a few minutes of real time)…\n`,
    );

    const cycles: PullCycle[] = [await pullCycle(world)];
    let perAction = commentsPerAction(world, issues);
    while (actionIds.some((id) => !perAction.has(id)) && cycles.length <= MAX_EXTRA_CYCLES) {
      world.sandbox.advanceClock(INTERVAL_MS);
      cycles.push(await pullCycle(world));
      perAction = commentsPerAction(world, issues);
    }
    const records = cycles.flatMap((cycle) => cycle.records);
    const tsHost = hostOf(world.ts.appUrl);
    print(
      renderTable({
        title: 'Invocations that worked the backlog',
        headers: [
          '#',
          'cycle',
          'function',
          'duration',
          'budget',
          'duration / budget',
          'outcome',
          'TS requests',
          'Jira requests',
          'KVS ops',
        ],
        rows: records.map((record, i) => [
          String(i + 1),
          String(cycles.findIndex((cycle) => cycle.records.includes(record)) + 1),
          record.functionKey,
          seconds(record.durationMs ?? 0),
          seconds(record.budgetMs),
          percent(record.durationMs ?? 0, record.budgetMs),
          record.outcome ?? 'unfinished',
          requestsTo([record], tsHost),
          requestsTo([record], 'jira'),
          requestsTo([record], 'kvs'),
        ]),
      }),
    );
    const pages = pageTimeline(records, world.ts.requests(), LATENCY_MS);
    print(
      renderTable({
        title: `Pages of the pull window (${HANDOVER_MARGIN_MS / 1000} s handover margin)`,
        headers: [
          'invocation #',
          'page',
          'started after',
          'budget left at start',
          'page time',
          'page time ≤ margin',
        ],
        rows: pages.map((page) => [
          String(page.invocation + 1),
          String(page.pageNumber),
          seconds(page.startedAfterMs),
          seconds(page.remainingAtStartMs),
          seconds(page.durationMs),
          page.durationMs <= HANDOVER_MARGIN_MS ? 'yes' : 'NO',
        ]),
        notes: [
          'A page starts when its list request is sent and lasts until the next page starts or the invocation ends.',
          'The pull starts another page while more than the margin is left; a page longer than the margin can run',
          '  past the budget when it starts with less than its own length left.',
        ],
      }),
    );

    const worst = records.reduce<InvocationShare | undefined>((found, record) => {
      const share = (record.durationMs ?? 0) / record.budgetMs;
      return !found || share > found.share ? { record, share } : found;
    }, undefined);
    const { inboundConsumer } = syncFunctions(world);
    const continuations = records.filter((record) => record.functionKey === inboundConsumer).length;
    const overran = records.filter((record) => record.outcome === 'timeout').length;
    // Ran out of time without handing over: the connector refuses requests in the last second, the page ends as a
    // transient failure and the pull waits for a later cycle instead of continuing on the queue.
    const exhausted = records.filter(
      (record) =>
        record.outcome !== 'timeout' && (record.durationMs ?? 0) >= EXHAUSTED_SHARE * record.budgetMs,
    ).length;
    const written = [...perAction.values()].reduce((a, b) => a + b, 0);
    const duplicates = [...perAction.values()].reduce((n, copies) => n + Math.max(0, copies - 1), 0);
    const missing = actionIds.filter((id) => !perAction.has(id)).length;
    const wallMs = cycles.reduce((total, cycle) => total + cycle.wallMs, 0);
    const rateLimited = world.ts.requests().filter((entry) => entry.status === 403).length;
    const longestPage = Math.max(0, ...pages.map((page) => page.durationMs));
    const longest = worst
      ? `${seconds(worst.record.durationMs ?? 0)} / ${seconds(worst.record.budgetMs)} (${worst.record.functionKey})`
      : '—';
    print(
      renderTable({
        title: `Backlog of ${actionIds.length.toLocaleString('en-US')} actions on ${shape.tickets} tickets at ${LATENCY_MS} ms latency`,
        headers: ['figure', 'measured', 'reference'],
        rows: [
          ['scheduled cycles needed', cycles.length, '1'],
          ['continuations (inbound consumer invocations)', continuations, '—'],
          ['longest invocation / its budget', longest, worst ? percent(worst.share, 1) : '—'],
          ['invocations that overran their budget (timed out)', overran, '0'],
          [`invocations that used ≥ ${EXHAUSTED_SHARE * 100} % of their budget and ended`, exhausted, '0'],
          ['longest page', seconds(longestPage), `margin ${seconds(HANDOVER_MARGIN_MS)}`],
          ['total time, first trigger to last continuation', seconds(wallMs), '—'],
          ['Jira comments written for the backlog', written, String(actionIds.length)],
          ['duplicates (extra comments for one action id)', duplicates, '0 (must be 0)'],
          ['actions without a comment', missing, '0'],
          ['TeamSupport rate-limit answers (403)', rateLimited, '0'],
          ['KVS write requests, in all', writeClock.writes, '—'],
          [
            'KVS write requests in the busiest 60 s',
            writeClock.peakPerMinute(),
            '≤ 4,000 (Forge storage limit)',
          ],
        ],
        notes: [
          "Budgets are the functions' timeoutSeconds in manifest.yml (scheduled pull 120 s, inbound consumer 300 s).",
          'Total time is real time; the sandbox clock skips the 5-minute waits between cycles.',
          'A pull that runs out of time without handing over leaves its window in the cursor; the next scheduled run',
          '  within 10 min (CONTINUATION_GRACE_MS) skips it as "still running", so it resumes two cycles later.',
        ],
      }),
    );
    return [
      {
        figure:
          `backlog ${actionIds.length} actions / ${shape.tickets} tickets at ${LATENCY_MS} ms: cycles, ` +
          'continuations, longest invocation, timed out + ≥ 95 % of budget, longest page, total time',
        measured:
          `${cycles.length}, ${continuations}, ${longest}, ${overran} + ${exhausted}, ` +
          `${seconds(longestPage)} (margin ${seconds(HANDOVER_MARGIN_MS)}), ${seconds(wallMs)}`,
      },
      {
        figure: `backlog ${actionIds.length} actions / ${shape.tickets} tickets: duplicates / missing comments`,
        measured: `${duplicates} / ${missing}`,
        goal: { text: '0 / 0', met: duplicates === 0 && missing === 0 },
      },
      {
        figure: `backlog ${actionIds.length} actions: invocations over budget (timed out or ≥ 95 %)`,
        measured: String(overran + exhausted),
        goal: { text: '0', met: overran + exhausted === 0 },
      },
      {
        figure: `backlog ${actionIds.length} actions: KVS write requests in the busiest 60 s`,
        measured: writeClock.peakPerMinute().toLocaleString('en-US'),
        goal: { text: '≤ 4,000', met: writeClock.peakPerMinute() <= 4_000 },
      },
    ];
  } finally {
    await world.close();
  }
}

interface InvocationShare {
  record: PullCycle['records'][number];
  share: number;
}

function backlog(shape: Shape, title: string): Benchmark {
  return {
    name: shape.name,
    issue: 'issue 7',
    title,
    run: (print) => runShape(shape, print),
  };
}

export const inboundBacklog = backlog(
  { name: 'inbound-backlog', tickets: 500, actionsPerTicket: 10 },
  `A backlog of 5,000 new actions on 500 tickets across continuations, at ${LATENCY_MS} ms latency`,
);

export const inboundBacklogDense = backlog(
  { name: 'inbound-backlog-dense', tickets: 200, actionsPerTicket: 25 },
  `The same 5,000 actions on 200 tickets (25 each): pages longer than the handover margin`,
);
