// Issue 6 — one outbound comment reaches all its linked tickets within a single consumer invocation. 50 tickets on
// one issue, 200 ms emulated latency on Jira and TeamSupport: the writes run with bounded concurrency (8), so the
// invocation takes about ceil(50 / 8) latencies of writes, far inside the consumer's 120 s budget.
import { createWorld } from '../test/integration/world';
import { measureComment } from './outbound-requests';
import type { Benchmark, SummaryLine } from './support/benchmark';
import { syncFunctions } from './support/functions';
import { ConcurrencyGauge, InvocationWindow, KvsTap } from './support/measure';
import { percent, renderTable, seconds } from './support/report';
import { createIssues, linkAll } from './support/seed';

const TICKETS = 50;
const LATENCY_MS = 200;
// src/entry/compose.ts (OUTBOUND_CONCURRENCY) and manifest.yml (outbound-worker timeoutSeconds).
const CONCURRENCY_BOUND = 8;
const CONSUMER_BUDGET_MS = 120_000;

async function run(print: (text: string) => void): Promise<SummaryLine[]> {
  const gauge = new ConcurrencyGauge();
  const world = await createWorld({ teamSupport: { sleep: gauge.sleep } });
  const tap = new KvsTap(world.sandbox.kvs);
  try {
    const [warmUp, issue] = createIssues(world, 2, 'Outbound fan-out under latency');
    if (!warmUp || !issue) throw new Error('no issue was created');
    // One comment first, without latency, so that loading the app's modules is not part of the measured invocation.
    await linkAll(world, [{ issue: warmUp, ticket: world.createTicket() }]);
    await measureComment(world, tap, warmUp);
    await linkAll(
      world,
      Array.from({ length: TICKETS }, () => ({ issue, ticket: world.createTicket() })),
    );
    world.jira.faults.setLatency(LATENCY_MS);
    world.ts.setLatency(LATENCY_MS);
    gauge.resetPeak();
    const window = new InvocationWindow(world.sandbox.accounting);
    const cost = await measureComment(world, tap, issue);
    const consumer = window.records({ functionKey: syncFunctions(world).outboundConsumer });
    const longest = Math.max(0, ...consumer.map((record) => record.durationMs ?? 0));
    const budget = consumer[0]?.budgetMs ?? CONSUMER_BUDGET_MS;
    const outcomes = consumer.map((record) => record.outcome ?? 'unfinished').join(', ');
    const written = world.ts
      .requests()
      .filter((entry) => entry.method === 'POST' && entry.status === 200).length;
    // Jira reads (in parallel) + the action-type lookup + the writes in waves of CONCURRENCY_BOUND.
    const idealMs = LATENCY_MS * (1 + 1 + Math.ceil(TICKETS / CONCURRENCY_BOUND));
    print(
      renderTable({
        title: `One Jira comment to ${TICKETS} linked tickets at ${LATENCY_MS} ms latency (Jira and TeamSupport)`,
        headers: ['figure', 'measured', 'reference'],
        rows: [
          ['consumer invocations', cost.invocations, '1 (must be 1)'],
          ['consumer outcome(s)', outcomes, 'ok'],
          ['invocation duration', seconds(longest), `budget ${seconds(budget)}`],
          ['duration / budget', percent(longest, budget), '—'],
          ['tickets written (POST …/actions answered 200)', written, `${TICKETS}`],
          ['peak concurrent TeamSupport requests', gauge.peak, `bound ${CONCURRENCY_BOUND}`],
          [
            'duration vs. ideal',
            `${(longest / idealMs).toFixed(2)}×`,
            `ideal ${seconds(idealMs)} = ${LATENCY_MS} ms × (Jira reads + action types + ⌈${TICKETS}/${CONCURRENCY_BOUND}⌉ write waves)`,
          ],
        ],
        notes: [
          "Duration is real time measured by the sandbox host from the consumer's start to its reply (after a warm-up",
          '  comment, so that loading the app is not counted).',
          'Peak concurrency is counted at the TeamSupport emulator: requests held in its latency wait at once.',
        ],
      }),
    );
    return [
      {
        figure: `outbound comment → ${TICKETS} tickets at ${LATENCY_MS} ms: invocations, duration / budget, peak concurrency`,
        measured:
          `${cost.invocations} (must be 1), ${seconds(longest)} / ${seconds(budget)} ` +
          `(${percent(longest, budget)}), ${gauge.peak} (bound ${CONCURRENCY_BOUND})`,
      },
    ];
  } finally {
    await world.close();
  }
}

export const outboundFanout: Benchmark = {
  name: 'outbound-fanout',
  issue: 'issue 6',
  title: `One comment to ${TICKETS} linked tickets in one consumer invocation, at ${LATENCY_MS} ms latency`,
  run,
};
