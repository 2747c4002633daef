// Issue 7 / invariant 7 — requests per pull cycle follow what changed, not how many links exist. An organisation of
// 10,000 tickets, 100 then 1,000 of them linked; cycles five minutes apart (the scheduled interval) with 0, 10 and
// 500 changed linked tickets (one new customer action each), and the quiet cycles after them. Minimum per cycle:
// ticket-list pages + 1 action list per changed linked ticket + 1 comment write per new action + a constant.
import { createWorld, type World } from '../test/integration/world';
import type { Benchmark, SummaryLine } from './support/benchmark';
import { KvsTap, allRequests, jiraTraffic, requestsTo, sum, teamSupportTraffic } from './support/measure';
import { pullCycle } from './support/pull';
import { ratio, renderTable, versus, type Cell } from './support/report';
import { addCustomerAction, createIssues, createTickets, linkAll } from './support/seed';

const ORG_TICKETS = 10_000;
const LINKS = 1_000;
const FIRST_LINKS = 100;
// src/entry/compose.ts: tickets per list page; the scheduled interval in manifest.yml (fiveMinute).
const PAGE_SIZE = 100;
const INTERVAL_MS = 5 * 60_000;
// The KVS work no cycle can skip: read the configuration, read the token, read the watermark, write the new one.
const CONSTANT_MINIMUM = 4;
// What a quiet cycle measures: the constant, the sync log's size check (src/sync/inbound/scheduled-pull.ts) and the
// TeamSupport request meter's read and write (src/store/teamsupport-usage.ts).
const QUIET_KVS = CONSTANT_MINIMUM + 3;
// Actions a ticket already had (and that were copied long ago) when one more arrives.
const HISTORY_LENGTHS = [0, 50, 500];

const KVS_REASONS: Record<string, string> = {
  'get config': 'configuration (scheduled trigger + instance context)',
  'secret/get secret': "the instance's API token",
  'get cursor': 'the watermark (scheduled trigger + pull)',
  'set cursor': 'the new watermark (and page checkpoints)',
  'entity/query sync-event': "sync-log prune: every page of the instance's log, newest first",
  'batch/delete sync-event': 'sync-log prune: entries beyond the newest 1,000',
  'entity/get link': 'link of each listed ticket (getByTicket) + recordSync read',
  'transaction link': 'recordSync: lastSyncAt on the link',
  'entity/set mirror': 'ledger: claim the action (FAIL_IF_EXISTS) + record the new comment as app-written',
  'entity/get mirror':
    'ledger: complete() reads the claim; a claim that already exists is read to see it is done',
  'transaction mirror': 'ledger: complete() writes "done"',
  'entity/set sync-event': 'one sync-log entry per copied action',
  'get ts-usage': "TeamSupport request meter: the instance's last 24 hours",
  'set ts-usage': "TeamSupport request meter: this invocation's requests added",
};

interface Scenario {
  label: string;
  links: number;
  /** linked tickets changed since the last cycle, one new action each (or `actionsEach`) */
  changed: number;
  actionsEach?: number;
}

interface Measured {
  scenario: Scenario;
  listPages: number;
  actionLists: number;
  otherTeamSupport: number;
  commentWrites: number;
  otherJira: number;
  kvs: Map<string, number>;
  queue: number;
  total: number;
  invocations: number;
  rateLimited: number;
}

async function measureCycle(world: World, tap: KvsTap, scenario: Scenario): Promise<Measured> {
  world.ts.clearRequests();
  world.jira.resetRequestLog();
  const cycle = await pullCycle(world);
  const ts = teamSupportTraffic(world.ts.requests());
  const jira = jiraTraffic(world.jira.requestLog());
  const commentWrites = jira.byOperation.get('addComment') ?? 0;
  return {
    scenario,
    listPages: ts.listPages,
    actionLists: ts.actionLists,
    otherTeamSupport: ts.total - ts.listPages - ts.actionLists,
    commentWrites,
    otherJira: jira.reads + jira.writes - commentWrites,
    kvs: tap.countsFor(cycle.records),
    queue: requestsTo(cycle.records, 'queue'),
    total: allRequests(cycle.records),
    invocations: cycle.records.length,
    rateLimited: ts.rateLimited,
  };
}

const pagesMinimum = (changed: number): number => Math.max(1, Math.ceil(changed / PAGE_SIZE));
// One action list per changed ticket and one comment write per new action.
const minimumFor = (changed: number, actionsEach = 1): number =>
  pagesMinimum(changed) + changed + changed * actionsEach + CONSTANT_MINIMUM;
const external = (m: Measured): number =>
  m.listPages + m.actionLists + m.otherTeamSupport + m.commentWrites + m.otherJira;

function row(m: Measured): Cell[] {
  const { changed } = m.scenario;
  const minimum = minimumFor(changed, m.scenario.actionsEach);
  const kvs = sum(m.kvs);
  return [
    m.scenario.label,
    m.scenario.links,
    changed,
    versus(m.listPages, pagesMinimum(changed)),
    versus(m.actionLists, changed),
    versus(m.commentWrites, changed * (m.scenario.actionsEach ?? 1)),
    m.otherTeamSupport + m.otherJira + m.queue,
    versus(kvs, CONSTANT_MINIMUM),
    versus(m.total, minimum),
    ratio(m.total, minimum),
    m.invocations,
  ];
}

async function run(print: (text: string) => void): Promise<SummaryLine[]> {
  const world = await createWorld();
  const tap = new KvsTap(world.sandbox.kvs);
  try {
    // History: every ticket last changed two days ago, outside any pull window.
    const tickets = createTickets(world, ORG_TICKETS, new Date(Date.now() - 2 * 24 * 3600_000));
    const issues = createIssues(world, LINKS, 'Linked issue');
    const pairs = issues.map((issue, i) => ({ issue, ticket: tickets[i * (ORG_TICKETS / LINKS)] }));
    const linked = pairs.flatMap((pair) => (pair.ticket ? [{ issue: pair.issue, ticket: pair.ticket }] : []));
    await linkAll(world, linked.slice(0, FIRST_LINKS));
    // The first cycle sets the watermark; the second lets the emulator's seeded tickets (created a moment ago) drop
    // out of the ten-minute overlap, so that the measured cycles see only what the benchmark changes.
    await pullCycle(world);
    world.sandbox.advanceClock(11 * 60_000);
    await pullCycle(world);

    const results: Measured[] = [];
    // Changes land in the middle of an interval, as they do in life: a change made in the very second a cycle
    // starts would also be caught by the one-second filter of the cycle 15 minutes later.
    const next = async (scenario: Scenario, change?: () => void) => {
      world.sandbox.advanceClock(INTERVAL_MS / 2);
      change?.();
      world.sandbox.advanceClock(INTERVAL_MS / 2);
      results.push(await measureCycle(world, tap, scenario));
    };
    const changeLinked = (count: number, round: string) => () => {
      linked.slice(0, count).forEach(({ ticket }, i) => {
        addCustomerAction(world, ticket, `${round}: customer message ${i + 1}`);
      });
    };

    await next({ label: 'no change', links: FIRST_LINKS, changed: 0 });
    await linkAll(world, linked.slice(FIRST_LINKS));
    await next({ label: 'no change', links: LINKS, changed: 0 });
    await next({ label: '10 changed', links: LINKS, changed: 10 }, changeLinked(10, 'round 1'));
    await next({ label: '+5 min, quiet', links: LINKS, changed: 0 });
    await next({ label: '+10 min, quiet', links: LINKS, changed: 0 });
    await next({ label: '+15 min, quiet', links: LINKS, changed: 0 });
    await next({ label: '500 changed', links: LINKS, changed: 500 }, changeLinked(500, 'round 2'));
    await next({ label: '+5 min, quiet', links: LINKS, changed: 0 });
    await next({ label: '+10 min, quiet', links: LINKS, changed: 0 });
    await next({ label: '+15 min, quiet', links: LINKS, changed: 0 });

    // Ten tickets with ten new actions each: the per-ticket work is shared by ten copies.
    await next({ label: '10 changed, 10 actions each', links: LINKS, changed: 10, actionsEach: 10 }, () => {
      linked.slice(0, 10).forEach(({ ticket }, i) => {
        for (let n = 0; n < 10; n++)
          addCustomerAction(world, ticket, `round 3: message ${n + 1} on ${i + 1}`);
      });
    });
    await next({ label: '+5 min, quiet', links: LINKS, changed: 0 });
    await next({ label: '+10 min, quiet', links: LINKS, changed: 0 });

    // Tickets with a history: their earlier actions were copied long ago, then one new action arrives.
    for (const [index, history] of HISTORY_LENGTHS.entries()) {
      const veteran = linked[LINKS - 1 - index]?.ticket;
      if (!veteran) throw new Error('no linked ticket for the history scenario');
      for (let i = 0; i < history; i++) addCustomerAction(world, veteran, `history message ${i + 1}`);
      for (let settle = 0; settle < 4; settle++) {
        world.sandbox.advanceClock(INTERVAL_MS);
        await pullCycle(world);
      }
      await next({ label: `1 changed, ${history} older actions`, links: LINKS, changed: 1 }, () => {
        addCustomerAction(world, veteran, 'one more message');
      });
    }

    print(
      renderTable({
        title:
          `Requests per pull cycle over an org of ${ORG_TICKETS.toLocaleString('en-US')} tickets, cycles ` +
          `${INTERVAL_MS / 60_000} min apart (measured / minimum)`,
        headers: [
          'cycle',
          'links',
          'changed',
          'list pages',
          'action lists',
          'comment writes',
          'other TS/Jira/queue',
          'KVS ops',
          'total',
          'ratio',
          'invocations',
        ],
        rows: results.map(row),
        notes: [
          `minimum = max(1, ⌈changed / ${PAGE_SIZE}⌉) list pages + changed action lists + changed comment writes + ` +
            `${CONSTANT_MINIMUM} (KVS: configuration, token, watermark read and write).`,
          '"changed" = linked tickets changed since the previous cycle (one new customer action each); quiet cycles',
          '  change nothing, so their minimum is one list page + the constant.',
          'Quiet cycles after a change re-list the changed tickets (the window starts 10 min before the last watermark)',
          '  but read nothing else: the cursor remembers the tickets handled in full (src/sync/inbound/settled-tickets.ts).',
          `The last rows: a linked ticket whose ${HISTORY_LENGTHS.join(' / ')} earlier actions were copied cycles ago gets`,
          '  one more; the link remembers the newest action handled, so the history costs nothing.',
          `TeamSupport rate-limit answers (403) during measured cycles: ${results.reduce((n, m) => n + m.rateLimited, 0)}.`,
        ],
      }),
    );

    const quiet = results.find((m) => m.scenario.label === 'no change' && m.scenario.links === FIRST_LINKS);
    const quietAll = results.find((m) => m.scenario.label === 'no change' && m.scenario.links === LINKS);
    const big = results.find((m) => m.scenario.changed === 500);
    if (quiet && big) {
      const labels = [...new Set([...quiet.kvs.keys(), ...big.kvs.keys()])].sort(
        (a, b) => (big.kvs.get(b) ?? 0) - (big.kvs.get(a) ?? 0),
      );
      print(
        renderTable({
          title: 'KVS operations per cycle, by kind: quiet cycle vs. 500 changed tickets',
          headers: ['operation', 'quiet (100 links)', '500 changed', 'per change', 'why'],
          rows: labels.map((label) => {
            const before = quiet.kvs.get(label) ?? 0;
            const after = big.kvs.get(label) ?? 0;
            return [label, before, after, ((after - before) / 500).toFixed(2), KVS_REASONS[label] ?? ''];
          }),
        }),
      );
    }
    const independent = quiet && quietAll ? quiet.total === quietAll.total : false;
    return [
      ...goals(results),
      {
        figure: 'quiet pull cycle: requests with 100 links vs 1,000 links',
        measured:
          `${quiet?.total ?? '?'} vs ${quietAll?.total ?? '?'} ` +
          `(${independent ? 'independent of links' : 'DEPENDS ON LINKS'}; minimum ${1 + CONSTANT_MINIMUM})`,
      },
      ...results
        .filter((m) => m.scenario.changed > 0)
        .map((m) => ({
          figure: `pull cycle, ${m.scenario.label} (${m.scenario.links} links): total / minimum`,
          measured:
            `${m.total} / ${minimumFor(m.scenario.changed, m.scenario.actionsEach)} (${ratio(m.total, minimumFor(m.scenario.changed, m.scenario.actionsEach))}); ` +
            `TS + Jira ${external(m)} / ${minimumFor(m.scenario.changed, m.scenario.actionsEach) - CONSTANT_MINIMUM}, KVS ${sum(m.kvs)}`,
        })),
      {
        figure: 'quiet cycles after 500 changes (+5, +10, +15 min): total requests (minimum 5 each)',
        measured: results
          .filter((m) => m.scenario.changed === 0 && m.scenario.label.startsWith('+'))
          .slice(-3)
          .map((m) => String(m.total))
          .join(', '),
      },
    ];
  } finally {
    await world.close();
  }
}

export const inboundCycle: Benchmark = {
  name: 'inbound-cycle',
  issue: 'issue 7',
  title: 'Requests per pull cycle: 10,000 tickets, 100 / 1,000 links, 0 / 10 / 500 changed',
  run,
};

/** TeamSupport and Jira requests of a change cycle and the two quiet cycles after it, and their minimum. */
function threeCycles(results: readonly Measured[], changed: number) {
  const at = results.findIndex((m) => m.scenario.changed === changed && m.scenario.actionsEach === undefined);
  const seen = results.slice(at, at + 3);
  const measured = seen.reduce((n, m) => n + external(m), 0);
  // The change is read once; the quiet cycles after it list one page each and read nothing.
  const minimum = minimumFor(changed) - CONSTANT_MINIMUM + 2 * pagesMinimum(0);
  return { measured, minimum };
}

/** Storage requests per copied action in a change cycle, beyond what a quiet cycle costs. */
function kvsPerCopy(m: Measured): number {
  const copies = m.scenario.changed * (m.scenario.actionsEach ?? 1);
  return (sum(m.kvs) - QUIET_KVS) / copies;
}

/** The figures issue 18 holds the pull to, beside their goals. */
function goals(results: readonly Measured[]): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const changed of [10, 500]) {
    const { measured, minimum } = threeCycles(results, changed);
    lines.push({
      figure: `pull, ${changed} changed: TeamSupport + Jira requests over the three cycles that see the change`,
      measured: `${measured} / minimum ${minimum} = ${(measured / minimum).toFixed(3)}×`,
      goal: { text: '≤ 1.1×', met: measured <= 1.1 * minimum },
    });
  }
  for (const label of ['10 changed', '10 changed, 10 actions each']) {
    const m = results.find((r) => r.scenario.label === label);
    if (!m) continue;
    const perCopy = kvsPerCopy(m);
    lines.push({
      figure: `pull, ${label}: storage requests per copied action (beyond a quiet cycle's ${QUIET_KVS})`,
      measured: perCopy.toFixed(2),
      goal: { text: '≤ 3', met: perCopy <= 3 },
    });
  }
  const history = HISTORY_LENGTHS.map((length) => {
    const m = results.find((r) => r.scenario.label === `1 changed, ${length} older actions`);
    return m ? sum(m.kvs) - QUIET_KVS : Number.NaN;
  });
  lines.push({
    figure: `pull, one new action on a ticket with ${HISTORY_LENGTHS.join(' / ')} older ones: storage requests`,
    measured: history.join(' / '),
    goal: { text: '≤ 3 each, flat', met: history.every((n) => n <= 3) && new Set(history).size === 1 },
  });
  return lines;
}
