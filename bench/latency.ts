// Issue 19 — how soon a customer's new action on a linked ticket becomes a Jira comment, on the sandbox's virtual
// clock (never wall-clock time): (a) hot tickets — the issue panel is opened, then the action is written at a random
// moment of the hot window; (b) hinted tickets — a signed push hint is sent right after the action; (c) the scheduled
// five-minute pull alone, for comparison. The pull runs every five minutes in all three, as on Forge, so a figure is
// whichever path got there first. Beside the latencies: the extra TeamSupport requests hot checks and hints cost, and
// (d) that hot checks stay inside the instance's daily request budget (they stop when the meter slows the pull).
import { SLOW_PERCENT } from '../src/domain/request-budget';
import { requestsInWindow } from '../src/domain/request-usage';
import { signHint, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../src/domain/push-hint';
import { HINT_CHECK_DELAY_SECONDS } from '../src/sync/inbound/hot-hint';
import {
  DEFAULT_HOT_CHECK_SECONDS,
  DEFAULT_HOT_TICKET_CAP,
  DEFAULT_HOT_WINDOW_MINUTES,
} from '../src/sync/inbound/hot-settings';
import { z } from 'zod';
import { createWorld, dataOf, type World, type WorldOptions } from '../test/integration/world';
import type { Benchmark, SummaryLine } from './support/benchmark';
import { PULL_TRIGGER, syncFunctions } from './support/functions';
import { hostOf, InvocationWindow, requestsTo, teamSupportTraffic } from './support/measure';
import { pullCycle } from './support/pull';
import { count, renderTable } from './support/report';
import {
  addCustomerAction,
  createIssues,
  createTickets,
  linkAll,
  type IssueRef,
  type TicketRef,
} from './support/seed';

const MINUTE = 60_000;
// The scheduled trigger's interval (manifest.yml, fiveMinute).
const PULL_EVERY_MS = 5 * MINUTE;
const HOT_WINDOW_MS = DEFAULT_HOT_WINDOW_MINUTES * MINUTE;
// Hot tickets open in waves of the per-instance cap, far enough apart that a wave's windows (the action found at the
// latest 12 min after opening, the window then running 10 min more) have ended when the next wave opens: a ticket
// refused by the cap would measure the pull, not hot checks.
const WAVES = 3;
const WAVE_EVERY_MS = 25 * MINUTE;
const OPENINGS_SPREAD_MS = 2 * MINUTE;
const SAMPLES = WAVES * DEFAULT_HOT_TICKET_CAP;
// Every scenario runs as long as the hot one needs, so that their request counts cover the same number of pulls.
const ACTIONS_WITHIN_MS = (WAVES - 1) * WAVE_EVERY_MS + OPENINGS_SPREAD_MS + HOT_WINDOW_MS;
const RUN_MS = 80 * MINUTE;
const HOT_GOAL_MS = 60_000;
const HINT_GOAL_MS = 10_000;
// (d): a small daily limit, 20 tickets kept hot (their panels opened again every five minutes) for two hours; without
// the meter, hot checks alone would read 20 × 80 tickets an hour.
const BUDGET_LIMIT = 300;
const BUDGET_RUN_MS = 120 * MINUTE;
const BUDGET_STEP_MS = 15_000;
const SEED = 19;

/** A small seeded generator (mulberry32): the same random times on every run, so the figures can be compared. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Lets sandbox time reach `at`, delivering every queue job (hot checks, pull continuations) due on the way. */
async function advanceTo(world: World, at: number): Promise<void> {
  await world.sandbox.drain({ until: at });
  const now = world.sandbox.now();
  if (at > now) world.sandbox.advanceClock(at - now);
}

interface Step {
  at: number;
  run: () => unknown;
}

/** Plays the steps in time order with a scheduled pull every five minutes, until `end`, then lets the queue settle. */
async function play(world: World, start: number, end: number, steps: Step[]): Promise<void> {
  const pulls: Step[] = [];
  for (let at = start + PULL_EVERY_MS; at <= end; at += PULL_EVERY_MS) {
    pulls.push({ at, run: () => world.sandbox.runScheduledTrigger(PULL_TRIGGER) });
  }
  const ordered = [...steps, ...pulls].sort((a, b) => a.at - b.at);
  for (const step of ordered) {
    await advanceTo(world, step.at);
    await step.run();
  }
  await advanceTo(world, end);
  await world.sandbox.drain();
}

interface Sample {
  issue: IssueRef;
  ticket: TicketRef;
  /** sandbox time the customer's action was written */
  actionAt?: number;
}

/** A world with `n` linked pairs whose tickets changed days ago, and a pull watermark that has settled. */
async function linkedWorld(
  n: number,
  options: WorldOptions = {},
): Promise<{ world: World; samples: Sample[] }> {
  const world = await createWorld(options);
  const tickets = createTickets(world, n, new Date(Date.now() - 2 * 24 * 3600_000));
  const issues = createIssues(world, n, 'Customer issue');
  const samples = issues.flatMap((issue, i) => {
    const ticket = tickets[i];
    return ticket ? [{ issue, ticket }] : [];
  });
  await linkAll(world, samples);
  // As bench/inbound-cycle.ts: the first pull sets the watermark, the second lets the seeded org's fresh tickets
  // leave the overlap, so that what is measured is only what the scenario changes.
  await pullCycle(world);
  world.sandbox.advanceClock(11 * MINUTE);
  await pullCycle(world);
  return { world, samples };
}

const CommentsSchema = z.array(z.looseObject({ created: z.string() }));

/** Milliseconds from the action to the first Jira comment made after it; Infinity when none came. */
function latencyOf(world: World, sample: Sample): number {
  const { actionAt } = sample;
  if (actionAt === undefined) throw new Error('a sample got no action');
  const times = CommentsSchema.parse(world.jira.admin.comments(sample.issue.id))
    .map((comment) => Date.parse(comment.created))
    .filter((time) => time >= actionAt);
  return times.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...times) - actionAt;
}

function writeAction(world: World, sample: Sample, label: string): void {
  addCustomerAction(world, sample.ticket, `${label}: any news on this?`);
  sample.actionAt = world.sandbox.now();
}

interface Measured {
  path: 'hot' | 'hinted' | 'scheduled';
  latencies: number[];
  teamSupport: ReturnType<typeof teamSupportTraffic>;
  /** panel openings or hints: what the extra requests are spent on */
  triggers: number;
  invocations: number;
}

async function measure(
  path: Measured['path'],
  build: (world: World, samples: Sample[], start: number, next: () => number) => Promise<Step[]>,
): Promise<Measured> {
  const { world, samples } = await linkedWorld(SAMPLES);
  try {
    const next = random(SEED);
    const start = world.sandbox.now();
    const steps = await build(world, samples, start, next);
    world.ts.clearRequests();
    const window = new InvocationWindow(world.sandbox.accounting);
    await play(world, start, start + RUN_MS, steps);
    return {
      path,
      latencies: samples.map((sample) => latencyOf(world, sample)),
      teamSupport: teamSupportTraffic(world.ts.requests()),
      triggers: path === 'scheduled' ? 0 : samples.length,
      invocations: window.records().length,
    };
  } finally {
    await world.close();
  }
}

/** (a) The panel opens (the ticket turns hot), the action comes at a random moment of the hot window. */
function hotSteps(world: World, samples: Sample[], start: number, next: () => number): Promise<Step[]> {
  const steps = samples.flatMap((sample, i): Step[] => {
    const wave = Math.floor(i / DEFAULT_HOT_TICKET_CAP);
    const openAt = start + wave * WAVE_EVERY_MS + Math.floor(next() * OPENINGS_SPREAD_MS);
    const actionAt = openAt + Math.floor(next() * HOT_WINDOW_MS);
    return [
      { at: openAt, run: () => world.panel('getLinkedTickets', {}, { issue: sample.issue }) },
      { at: actionAt, run: () => writeAction(world, sample, 'hot') },
    ];
  });
  return Promise.resolve(steps);
}

/** (b) The action at a random moment, and right after it a signed hint from a TeamSupport workflow. */
async function hintedSteps(
  world: World,
  samples: Sample[],
  start: number,
  next: () => number,
): Promise<Step[]> {
  const { secret } = dataOf(
    await world.admin('rotatePushHintSecret', { id: world.instanceId }),
    z.object({ secret: z.string() }),
  );
  return samples.map((sample) => ({
    at: start + Math.floor(next() * ACTIONS_WITHIN_MS),
    run: async () => {
      writeAction(world, sample, 'hinted');
      const body = JSON.stringify({ instanceId: world.instanceId, ticketNumber: sample.ticket.ticketNumber });
      const timestamp = Math.floor(world.sandbox.now() / 1000);
      const answer = await world.sandbox.invokeWebTrigger('push-hint', {
        method: 'POST',
        body,
        headers: {
          [TIMESTAMP_HEADER]: [String(timestamp)],
          [SIGNATURE_HEADER]: [`sha256=${signHint(secret, timestamp, body)}`],
        },
      });
      if (answer.statusCode !== 202) throw new Error(`a signed hint was refused: ${answer.body ?? ''}`);
    },
  }));
}

/** (c) The action at a random moment; nothing else. */
function scheduledSteps(world: World, samples: Sample[], start: number, next: () => number): Promise<Step[]> {
  return Promise.resolve(
    samples.map((sample) => ({
      at: start + Math.floor(next() * ACTIONS_WITHIN_MS),
      run: () => writeAction(world, sample, 'scheduled'),
    })),
  );
}

interface BudgetRun {
  /** when the meter reached SLOW_PERCENT of the limit, ms after the start; undefined if it never did */
  crossedAfterMs: number | undefined;
  checkRequestsBefore: number;
  checkRequestsAfter: number;
  /** TeamSupport requests of the panel's resolver calls (each opening reads its ticket) and of the pull */
  panelRequests: number;
  pullRequests: number;
  teamSupportTotal: number;
}

/** (d) 20 tickets kept hot for two hours under a daily limit of 300: the hot checks must stop at the meter's 90 %. */
async function budget(): Promise<BudgetRun> {
  const { world, samples } = await linkedWorld(DEFAULT_HOT_TICKET_CAP, {
    instance: { dailyRequestLimit: BUDGET_LIMIT },
  });
  try {
    const { inboundConsumer, scheduledPull } = syncFunctions(world);
    const host = hostOf(world.ts.appUrl);
    const start = world.sandbox.now();
    const window = new InvocationWindow(world.sandbox.accounting);
    world.ts.clearRequests();
    let crossedAt: number | undefined;
    const steps: Step[] = [];
    for (let at = start; at < start + BUDGET_RUN_MS; at += PULL_EVERY_MS) {
      for (const sample of samples) {
        steps.push({ at, run: () => world.panel('getLinkedTickets', {}, { issue: sample.issue }) });
      }
    }
    for (let at = start; at < start + BUDGET_RUN_MS; at += BUDGET_STEP_MS) {
      steps.push({
        at,
        run: async () => {
          if (crossedAt !== undefined) return;
          const usage = await world.run(() => world.store.teamSupportUsage.read(world.instanceId));
          const used = requestsInWindow(usage, new Date(world.sandbox.now()));
          if (used * 100 >= BUDGET_LIMIT * SLOW_PERCENT) crossedAt = world.sandbox.now();
        },
      });
    }
    await play(world, start, start + BUDGET_RUN_MS, steps);
    const checks = window.records({ functionKey: inboundConsumer });
    const cut = crossedAt ?? Number.POSITIVE_INFINITY;
    return {
      crossedAfterMs: crossedAt === undefined ? undefined : crossedAt - start,
      checkRequestsBefore: requestsTo(
        checks.filter((record) => record.startedAt < cut),
        host,
      ),
      checkRequestsAfter: requestsTo(
        checks.filter((record) => record.startedAt >= cut),
        host,
      ),
      panelRequests: requestsTo(
        window.records().filter((record) => record.kind === 'resolver'),
        host,
      ),
      pullRequests: requestsTo(window.records({ functionKey: scheduledPull }), host),
      teamSupportTotal: teamSupportTraffic(world.ts.requests()).total,
    };
  } finally {
    await world.close();
  }
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const index = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[index] ?? Number.NaN;
}

function secondsText(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never';
}

interface Figures {
  median: number;
  p95: number;
  max: number;
  within: (limitMs: number) => number;
}

function figuresOf(latencies: readonly number[]): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    within: (limitMs) => sorted.filter((ms) => ms <= limitMs).length,
  };
}

const GOALS: Record<Measured['path'], number | undefined> = {
  hot: HOT_GOAL_MS,
  hinted: HINT_GOAL_MS,
  scheduled: undefined,
};

const WHAT: Record<Measured['path'], string> = {
  hot: 'hot (panel opened, action within the window)',
  hinted: 'hinted (signed hint right after the action)',
  scheduled: 'scheduled pull only',
};

async function run(print: (text: string) => void): Promise<SummaryLine[]> {
  const measured = [
    await measure('hot', hotSteps),
    await measure('hinted', hintedSteps),
    await measure('scheduled', scheduledSteps),
  ];
  const baseline = measured.find((m) => m.path === 'scheduled');
  if (!baseline) throw new Error('the scheduled scenario did not run');
  const scheduled = figuresOf(baseline.latencies);
  const hours = RUN_MS / 3_600_000;

  print(
    renderTable({
      title: `Inbound latency: customer action on a linked ticket → Jira comment (${SAMPLES} samples each, virtual clock)`,
      headers: ['path', 'median', 'p95', 'max', 'goal (p95)', 'within goal', 'p95 vs scheduled'],
      rows: measured.map((m) => {
        const f = figuresOf(m.latencies);
        const goal = GOALS[m.path];
        return [
          WHAT[m.path],
          secondsText(f.median),
          secondsText(f.p95),
          secondsText(f.max),
          goal === undefined ? '—' : `≤ ${goal / 1000} s`,
          goal === undefined ? '—' : `${f.within(goal)} / ${m.latencies.length}`,
          m.path === 'scheduled' ? '1.00×' : `${(f.p95 / scheduled.p95).toFixed(2)}×`,
        ];
      }),
      notes: [
        `Hot: ${WAVES} waves of ${DEFAULT_HOT_TICKET_CAP} panel openings (the per-instance cap), ${WAVE_EVERY_MS / MINUTE} min apart, each`,
        `  opening spread over ${OPENINGS_SPREAD_MS / MINUTE} min; the action comes at a uniformly random moment of the`,
        `  ${DEFAULT_HOT_WINDOW_MINUTES}-min window. Checks run every ${DEFAULT_HOT_CHECK_SECONDS} s while the window lasts, so an action in the`,
        `  window's last ${DEFAULT_HOT_WINDOW_MINUTES * 60 - Math.floor((DEFAULT_HOT_WINDOW_MINUTES * 60) / DEFAULT_HOT_CHECK_SECONDS) * DEFAULT_HOT_CHECK_SECONDS} s is left to the pull.`,
        `Hinted: the hint is sent at the moment of the action; the app checks the ticket ${HINT_CHECK_DELAY_SECONDS} s later.`,
        `Scheduled: actions at random moments; the five-minute pull alone (0–5 min, plus the pull's own work).`,
        `Every scenario: ${RUN_MS / MINUTE} min of virtual time, a scheduled pull every ${PULL_EVERY_MS / MINUTE} min, seed ${SEED}.`,
      ],
    }),
  );

  print(
    renderTable({
      title: `TeamSupport requests over the ${RUN_MS / MINUTE} min of each scenario (${SAMPLES} actions each)`,
      headers: [
        'path',
        'total',
        'ticket reads',
        'action lists',
        'list pages',
        'extra vs scheduled',
        'extra / hour',
        'extra each',
      ],
      rows: measured.map((m) => {
        const extra = m.teamSupport.total - baseline.teamSupport.total;
        return [
          m.path,
          m.teamSupport.total,
          m.teamSupport.ticketReads,
          m.teamSupport.actionLists,
          m.teamSupport.listPages,
          m.path === 'scheduled' ? '—' : extra,
          m.path === 'scheduled' ? '—' : Math.round(extra / hours),
          m.path === 'scheduled' ? '—' : (extra / m.triggers).toFixed(1),
        ];
      }),
      notes: [
        '"extra each": per panel opening (hot) or per hint (hinted). A hot ticket is read every check; its action list',
        '  only when it changed. A hint reads the ticket once and makes it hot, so its window costs the same reads.',
        `At the cap (${DEFAULT_HOT_TICKET_CAP} tickets hot all the time) hot checks would read ${count(DEFAULT_HOT_TICKET_CAP * Math.floor(3600 / DEFAULT_HOT_CHECK_SECONDS))} tickets an hour: the daily`,
        `  budget meter stops them first (below). TeamSupport 403 answers: ${measured.map((m) => `${m.path} ${m.teamSupport.rateLimited}`).join(', ')}.`,
      ],
    }),
  );

  const budgetRun = await budget();
  const budgetGoal = DEFAULT_HOT_TICKET_CAP;
  print(
    renderTable({
      title: `Hot checks inside the daily budget: ${DEFAULT_HOT_TICKET_CAP} tickets kept hot for ${BUDGET_RUN_MS / MINUTE} min, limit ${BUDGET_LIMIT} a day`,
      headers: [
        'meter at 90 % after',
        'hot checks before',
        'hot checks after',
        'panel openings',
        'scheduled pull',
        'all TeamSupport requests',
      ],
      rows: [
        [
          budgetRun.crossedAfterMs === undefined
            ? 'never'
            : `${(budgetRun.crossedAfterMs / MINUTE).toFixed(1)} min`,
          budgetRun.checkRequestsBefore,
          budgetRun.checkRequestsAfter,
          budgetRun.panelRequests,
          budgetRun.pullRequests,
          budgetRun.teamSupportTotal,
        ],
      ],
      notes: [
        'Every panel is opened again every five minutes, which keeps its ticket hot. "Hot checks": TeamSupport requests',
        `  of inbound-queue invocations, split at the moment the meter (read every ${BUDGET_STEP_MS / 1000} s) reached ${SLOW_PERCENT} % of the limit;`,
        `  without the meter they would be about ${count((DEFAULT_HOT_TICKET_CAP * Math.floor(3600 / DEFAULT_HOT_CHECK_SECONDS) * BUDGET_RUN_MS) / 3_600_000)}. The pull slows to every 15 min at ${SLOW_PERCENT} % and hourly at 98 %.`,
        '  The panel reads its tickets on every opening (a one-minute cache) whatever the meter says: those requests are',
        '  the reader asking, not the sync, and are not held back by the budget.',
      ],
    }),
  );

  const lines: SummaryLine[] = measured.map((m) => {
    const f = figuresOf(m.latencies);
    const goal = GOALS[m.path];
    const base = {
      figure: `inbound latency, ${WHAT[m.path]}: median / p95 (${m.latencies.length} samples)`,
      measured:
        `${secondsText(f.median)} / ${secondsText(f.p95)}` +
        (goal === undefined
          ? ''
          : `; p95 = ${(f.p95 / goal).toFixed(2)}× the goal, ${(scheduled.p95 / f.p95).toFixed(1)}× faster than scheduled`),
    };
    return goal === undefined
      ? base
      : { ...base, goal: { text: `p95 ≤ ${goal / 1000} s`, met: f.p95 <= goal } };
  });
  for (const m of measured.filter((entry) => entry.path !== 'scheduled')) {
    const extra = m.teamSupport.total - baseline.teamSupport.total;
    lines.push({
      figure: `extra TeamSupport requests, ${m.path} (${m.triggers} ${m.path === 'hot' ? 'panel openings' : 'hints'} in ${RUN_MS / MINUTE} min)`,
      measured: `${count(Math.round(extra / hours))} an hour, ${(extra / m.triggers).toFixed(1)} each`,
    });
  }
  lines.push({
    figure: `hot-check requests after the budget meter reached ${SLOW_PERCENT} % (limit ${BUDGET_LIMIT}, ${DEFAULT_HOT_TICKET_CAP} tickets kept hot)`,
    measured:
      budgetRun.crossedAfterMs === undefined
        ? 'the meter never reached it'
        : `${budgetRun.checkRequestsAfter} (before: ${budgetRun.checkRequestsBefore}; reached after ${(budgetRun.crossedAfterMs / MINUTE).toFixed(1)} min)`,
    goal: {
      text: `≤ ${budgetGoal} (checks already under way)`,
      met: budgetRun.crossedAfterMs !== undefined && budgetRun.checkRequestsAfter <= budgetGoal,
    },
  });
  return lines;
}

export const latency: Benchmark = {
  name: 'latency',
  issue: 'issue 19',
  title: 'Inbound latency: hot tickets, push hints and the scheduled pull; the requests they cost',
  run,
};
