// Issue 18 — pull throughput when a page's tickets are uneven. The pull works on a few tickets of a page at once
// (src/sync/inbound/pull.ts); if they went in fixed groups, each group would wait for its slowest ticket and a page
// where 1 ticket in 4 brings 9× the actions of the others would copy at well under half the rate of a page of even
// tickets. Both shapes hold the same work: 100 linked tickets, 300 new actions, so the same requests and storage
// operations; only how they are spread differs. Throughput is actions copied per minute of the pull's invocations
// (sandbox time, from the invocation records), at a fixed emulated latency on TeamSupport and Jira.
import { createWorld } from '../test/integration/world';
import { commentsPerAction } from './inbound-backlog';
import type { Benchmark } from './support/benchmark';
import { pullCycle } from './support/pull';
import { ratio, renderTable, seconds } from './support/report';
import { addCustomerAction, createIssues, createTickets, linkAll } from './support/seed';

// Long enough that the latency, not the machine, sets the pace: the requests of four tickets at once stay under the
// pacer's 1,500 copies a minute (src/entry/compose.ts), so the pacer never decides the figure.
const LATENCY_MS = 200;
const TICKETS = 100;
const INTERVAL_MS = 5 * 60_000;
/** the goal: uneven tickets copied at least this share of the even rate */
const GOAL = 0.9;

interface Shape {
  label: string;
  /** new actions on the ticket at `index` (0-based, in ticket-number order: the order the pull lists them) */
  actionsOf(index: number): number;
}

const EVEN: Shape = { label: 'even tickets (3 actions each)', actionsOf: () => 3 };
// 1 ticket in 4 with 9 actions, the others 1: 3 a ticket on average, as above.
const UNEVEN: Shape = {
  label: 'uneven tickets (1 in 4 with 9 actions, the others 1)',
  actionsOf: (index) => (index % 4 === 0 ? 9 : 1),
};

interface Measured {
  shape: Shape;
  actions: number;
  /** the pull invocations' time, scheduled run and continuations */
  pullMs: number;
  invocations: number;
  duplicates: number;
  missing: number;
}

function perMinute(measured: Measured): number {
  return measured.pullMs === 0 ? 0 : (measured.actions * 60_000) / measured.pullMs;
}

async function measure(shape: Shape, print: (text: string) => void): Promise<Measured> {
  const world = await createWorld();
  try {
    const tickets = createTickets(world, TICKETS, new Date(Date.now() - 2 * 24 * 3600_000));
    const issues = createIssues(world, TICKETS, 'Uneven issue');
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
    tickets.forEach((ticket, index) => {
      for (let n = 1; n <= shape.actionsOf(index); n++) {
        actionIds.push(String(addCustomerAction(world, ticket, `message ${n} on #${ticket.ticketNumber}`)));
      }
    });
    world.jira.faults.setLatency(LATENCY_MS);
    world.ts.setLatency(LATENCY_MS);
    print(`${shape.label}: ${actionIds.length} new actions on ${TICKETS} linked tickets…`);
    const cycle = await pullCycle(world);
    const perAction = commentsPerAction(world, issues);
    return {
      shape,
      actions: actionIds.length,
      pullMs: cycle.records.reduce((total, record) => total + (record.durationMs ?? 0), 0),
      invocations: cycle.records.length,
      duplicates: [...perAction.values()].reduce((n, copies) => n + Math.max(0, copies - 1), 0),
      missing: actionIds.filter((id) => !perAction.has(id)).length,
    };
  } finally {
    await world.close();
  }
}

export const inboundUneven: Benchmark = {
  name: 'inbound-uneven',
  issue: 'issue 18',
  title: `Pull throughput with uneven tickets against even ones, ${TICKETS} tickets at ${LATENCY_MS} ms latency`,
  run: async (print) => {
    const even = await measure(EVEN, print);
    const uneven = await measure(UNEVEN, print);
    const share = perMinute(even) === 0 ? 0 : perMinute(uneven) / perMinute(even);
    print(
      renderTable({
        title: `Pull throughput, ${TICKETS} linked tickets at ${LATENCY_MS} ms latency`,
        headers: ['shape', 'actions', 'pull time', 'invocations', 'actions / min', 'duplicates', 'missing'],
        rows: [even, uneven].map((m) => [
          m.shape.label,
          m.actions,
          seconds(m.pullMs),
          m.invocations,
          Math.round(perMinute(m)),
          m.duplicates,
          m.missing,
        ]),
        notes: [
          'Pull time is the sandbox time of the scheduled pull and its continuations (their invocation records).',
          'Both shapes make the same requests; only the time differs, by how long workers wait on each other.',
        ],
      }),
    );
    const faults = even.duplicates + even.missing + uneven.duplicates + uneven.missing;
    return [
      {
        figure: `pull throughput, ${EVEN.label} / ${UNEVEN.label}, actions per minute`,
        measured: `${Math.round(perMinute(even))} / ${Math.round(perMinute(uneven))}`,
      },
      {
        figure: 'pull throughput, uneven tickets ÷ even tickets',
        measured: ratio(perMinute(uneven), perMinute(even)),
        goal: { text: `≥ ${GOAL.toFixed(2)}×`, met: share >= GOAL },
      },
      {
        figure: 'uneven and even pulls: duplicates + missing comments',
        measured: String(faults),
        goal: { text: '0', met: faults === 0 },
      },
    ];
  },
};
