// Issue 6 — requests per outbound comment. One Jira comment on an issue with 1, 5 and 50 linked tickets; each figure
// beside the minimum: 1 Jira read (the comment), 1 TeamSupport write per linked ticket, and a constant number of KVS
// operations (the issue's links, the configuration, the instance's token).
import { createWorld, users, type World } from '../test/integration/world';
import type { Benchmark, SummaryLine } from './support/benchmark';
import { syncFunctions } from './support/functions';
import {
  InvocationWindow,
  KvsTap,
  jiraTraffic,
  sum,
  teamSupportTraffic,
  type JiraTraffic,
  type TeamSupportTraffic,
} from './support/measure';
import { ratio, renderTable, versus, type Cell } from './support/report';
import { createIssues, linkAll, type IssueRef } from './support/seed';

const FAN_OUTS = [1, 5, 50];
// The issue's links (by-issue index), the configuration document and the instance's API token.
const FIXED_KVS_MINIMUM = 3;

// Why each kind of KVS call is made, for the breakdown table.
const KVS_REASONS: Record<string, string> = {
  'entity/query link': "the issue's links (by-issue index)",
  'get config': 'the configuration (instances)',
  'secret/get secret': "the instance's API token",
  'entity/set mirror':
    'ledger: claim the copy (FAIL_IF_EXISTS) + mark the new action app-written (echo guard)',
  'entity/get mirror': 'ledger: complete() reads the claim back',
  'transaction mirror': 'ledger: complete() writes "done" if the claim is unchanged',
  'entity/get link': 'link.recordSync() reads the link',
  'transaction link': 'link.recordSync() writes lastSyncAt if still linked to the issue',
  'entity/set sync-event': 'one sync-log entry per ticket reached',
};

export interface CommentCost {
  invocations: number;
  jira: JiraTraffic;
  teamSupport: TeamSupportTraffic;
  kvs: Map<string, number>;
  durationMs: number;
}

/** Adds one comment to `issue` as alice and delivers everything it causes; what the outbound consumer spent on it. */
export async function measureComment(world: World, tap: KvsTap, issue: IssueRef): Promise<CommentCost> {
  world.ts.clearRequests();
  world.jira.resetRequestLog();
  const window = new InvocationWindow(world.sandbox.accounting);
  world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'We shipped a fix in 2.0.1.' });
  await world.sandbox.drain();
  const records = window.records({ functionKey: syncFunctions(world).outboundConsumer });
  return {
    invocations: records.length,
    jira: jiraTraffic(world.jira.requestLog()),
    teamSupport: teamSupportTraffic(world.ts.requests()),
    kvs: tap.countsFor(records),
    durationMs: records.reduce((total, record) => total + (record.durationMs ?? 0), 0),
  };
}

async function run(print: (text: string) => void): Promise<SummaryLine[]> {
  const world = await createWorld();
  const tap = new KvsTap(world.sandbox.kvs);
  try {
    const rows: Cell[][] = [];
    const costs: Array<{ tickets: number; cost: CommentCost }> = [];
    for (const tickets of FAN_OUTS) {
      const [issue] = createIssues(world, 1, `Outbound fan-out to ${tickets}`);
      if (!issue) throw new Error('no issue was created');
      await linkAll(
        world,
        Array.from({ length: tickets }, () => ({ issue, ticket: world.createTicket() })),
      );
      const cost = await measureComment(world, tap, issue);
      costs.push({ tickets, cost });
      const kvs = sum(cost.kvs);
      const measured = cost.jira.reads + cost.jira.writes + cost.teamSupport.total + kvs;
      const minimum = 1 + tickets + FIXED_KVS_MINIMUM;
      rows.push([
        String(tickets),
        versus(cost.jira.reads, 1),
        versus(cost.jira.writes, 0),
        versus(cost.teamSupport.reads, 0),
        versus(cost.teamSupport.writes, tickets),
        versus(kvs, FIXED_KVS_MINIMUM),
        versus(measured, minimum),
        ratio(measured, minimum),
        cost.invocations,
      ]);
    }
    print(
      renderTable({
        title: 'Requests for one Jira comment, by number of linked tickets (measured / minimum)',
        headers: [
          'linked tickets',
          'Jira reads',
          'Jira writes',
          'TS reads',
          'TS writes',
          'KVS ops',
          'total',
          'ratio',
          'consumer invocations',
        ],
        rows,
        notes: [
          'Jira reads 1 / 1: one Jira expression (POST /rest/api/3/expression/evaluate) answers the comment with its',
          "  visibility and properties and the issue's key and security level (invariant 3, fail closed on privacy),",
          '  once per comment, whatever the number of tickets (src/jira/comment-expression.ts).',
          'TS reads 1 / 0: the action-type list (GET /properties/actiontypes), once per invocation, to turn the configured',
          '  action type name into the ActionTypeID that POST /tickets/{id}/actions requires.',
          `KVS minimum = ${FIXED_KVS_MINIMUM} (links of the issue, configuration, token); the measured figure grows with the`,
          '  tickets: see the breakdown below.',
        ],
      }),
    );
    const largest = costs.at(-1);
    if (largest) {
      const labels = [...largest.cost.kvs.entries()].sort((a, b) => b[1] - a[1]);
      print(
        renderTable({
          title: `KVS operations for one comment to ${largest.tickets} linked tickets, by kind`,
          headers: ['operation', 'count', 'per ticket', 'why'],
          rows: labels.map(([label, n]) => [
            label,
            n,
            (n / largest.tickets).toFixed(2),
            KVS_REASONS[label] ?? '',
          ]),
        }),
      );
    }
    const perTicketKvs = (() => {
      const first = costs[0];
      const last = costs.at(-1);
      if (!first || !last || last.tickets === first.tickets) return 0;
      return (sum(last.cost.kvs) - sum(first.cost.kvs)) / (last.tickets - first.tickets);
    })();
    const fixedKvs = (costs[0] ? sum(costs[0].cost.kvs) : 0) - perTicketKvs * (costs[0]?.tickets ?? 0);
    const fanOuts = costs.map(({ tickets }) => tickets).join(' / ');
    const each = (figure: (cost: CommentCost) => number): string =>
      costs.map(({ cost }) => String(figure(cost))).join(' / ');
    return [
      {
        figure: `outbound comment to ${fanOuts} linked tickets: TS writes (minimum ${fanOuts})`,
        measured: each((cost) => cost.teamSupport.writes),
      },
      {
        figure: `outbound comment to ${fanOuts} linked tickets: Jira reads (minimum 1)`,
        measured: `${each((cost) => cost.jira.reads + cost.jira.writes)} (one expression: the comment and its issue)`,
      },
      {
        figure: `outbound comment to ${fanOuts} linked tickets: TS reads (minimum 0)`,
        measured: `${each((cost) => cost.teamSupport.reads)} (action-type lookup)`,
      },
      {
        figure: `outbound comment to ${fanOuts} linked tickets: KVS ops (minimum ${FIXED_KVS_MINIMUM})`,
        measured: `${each((cost) => sum(cost.kvs))} (= ${fixedKvs} + ${perTicketKvs} per ticket)`,
      },
      {
        figure: `outbound comment to ${fanOuts} linked tickets: consumer invocations`,
        measured: each((cost) => cost.invocations),
      },
    ];
  } finally {
    await world.close();
  }
}

export const outboundRequests: Benchmark = {
  name: 'outbound-requests',
  issue: 'issue 6',
  title: 'Requests per outbound comment (1, 5 and 50 linked tickets)',
  run,
};
