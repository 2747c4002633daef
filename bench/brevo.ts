// Issue 16 — Brevo. (1) What one Jira event costs on its way to one Brevo contact — issue created, status change,
// comment; for a contact's first event and for later events of a known contact — each beside its minimum: 1 Jira read
// (plus the comment for a comment), 1 contact upsert for a new contact and none after, 1 Brevo event request, a
// constant number of KVS operations, 1 queue event. (2) Bursts of issue events — 1,000 status changes over 100 issues,
// 1,000 new issues, and 200 new issues at low latency — with Brevo's rate limit (10 requests/s per group): how long
// they took, the rates Brevo saw, its 429s, and whether every event reached the contact's timeline exactly once.
//
// The bursts run on the sandbox's virtual clock: drain() jumps over queue delays and retry back-offs, and the Brevo
// emulator's latency advances that clock instead of waiting, so the emulator (whose clock and rate-limit windows follow
// sandbox time) sees the latency pass per request. Rates are computed on the emulator's clock, from its request log.
import { DEFAULT_ACCOUNT } from '../sandbox/brevo';
import type { InvocationRecord } from '../sandbox/runtime/accounting';
import { advanceSandboxClock } from '../sandbox/runtime/globals';
import type { SandboxLogEntry } from '../sandbox/runtime/sandbox';
import { createWorld, users, type World } from '../test/integration/world';
import type { Benchmark, SummaryLine } from './support/benchmark';
import { syncFunctions } from './support/functions';
import { InvocationWindow, KvsTap, hostOf, jiraTraffic, sum, type JiraTraffic } from './support/measure';
import { count, percent, ratio, renderTable, seconds, versus, type Cell } from './support/report';

// ------------------------------------------------------------------------------------------------ minimums

/** KVS operations a Brevo job cannot do without: the configuration, the account's API key, the copy-once claim and
 * its completion (Brevo does not deduplicate events), and the sync-log entry issue 16 asks for per event sent. */
const KVS_MINIMUM = 5;
const KVS_REASONS: Record<string, string> = {
  'get config': 'the configuration (the Brevo account)',
  'secret/get secret': "the account's API key",
  'get cache': 'short cache reads: site URL, Jira user, contact state',
  'set cache': 'short cache writes (a miss, or a changed contact state)',
  'entity/set mirror': 'ledger: claim the event (copy-once)',
  'entity/get mirror': 'ledger: complete() reads the claim back',
  'transaction mirror': 'ledger: complete() writes "done" if the claim is unchanged',
  'entity/set sync-event': 'one sync-log entry per event sent',
  'entity/query link': "ticket job: the issue's TeamSupport links (none here)",
};

// ------------------------------------------------------------------------------------------------ taps

/** Counts the queue events the app publishes, by job kind, and the publishes the queue refused (its rate limit). */
class QueueTap {
  readonly published = new Map<string, number>();
  refusedEvents = 0;

  constructor(queue: { handle(path: string, body: unknown): { status: number; body?: unknown } }) {
    const handle = queue.handle.bind(queue);
    queue.handle = (path, body) => {
      const reply = handle(path, body);
      if (path.startsWith('/webhook/queue/publish/')) {
        const kinds = payloadKinds(body);
        if (reply.status >= 200 && reply.status < 300) {
          for (const kind of kinds) this.published.set(kind, (this.published.get(kind) ?? 0) + 1);
        } else {
          this.refusedEvents += kinds.length;
        }
      }
      return reply;
    };
  }

  snapshot(): Map<string, number> {
    return new Map(this.published);
  }
}

function payloadKinds(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('payload' in body) || !Array.isArray(body.payload))
    return [];
  return body.payload.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || !('body' in item)) return '?';
    const inner = item.body;
    return typeof inner === 'object' && inner !== null && 'kind' in inner ? String(inner.kind) : '?';
  });
}

function diff(after: ReadonlyMap<string, number>, before: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of after)
    if (n - (before.get(key) ?? 0) !== 0) out.set(key, n - (before.get(key) ?? 0));
  return out;
}

// ------------------------------------------------------------------------------------------------ Brevo traffic

interface BrevoTraffic {
  upserts: number;
  events: number;
  /** anything else: contact reads, event look-ups */
  other: number;
  rateLimited: number;
}

function brevoTraffic(entries: ReadonlyArray<{ method: string; url: string; status: number }>): BrevoTraffic {
  const traffic: BrevoTraffic = { upserts: 0, events: 0, other: 0, rateLimited: 0 };
  for (const entry of entries) {
    const path = new URL(entry.url, 'http://emulator.invalid').pathname;
    if (entry.status === 429) traffic.rateLimited += 1;
    if (entry.method === 'POST' && path === '/v3/contacts') traffic.upserts += 1;
    else if (entry.method === 'POST' && path === '/v3/events') traffic.events += 1;
    else traffic.other += 1;
  }
  return traffic;
}

// ------------------------------------------------------------------------------------------------ part 1

interface EventCost {
  jira: JiraTraffic;
  /** Jira requests made by the Brevo job itself (the rest of the event made none here) */
  jiraOfBrevoJob: number;
  brevo: BrevoTraffic;
  kvsBrevoJob: Map<string, number>;
  kvsTrigger: number;
  kvsTicketJob: number;
  queue: Map<string, number>;
  triggers: number;
  brevoJobs: number;
  ticketJobs: number;
  /** warn / error lines the Brevo job printed, by message */
  appWarnings: Map<string, number>;
  arrived: number;
}

/** Whether a consumer invocation ran a Brevo job (it reads the Brevo account's configuration or calls Brevo). */
function isBrevoJob(record: InvocationRecord, tap: KvsTap, brevoHost: string): boolean {
  return (record.requests[brevoHost]?.count ?? 0) > 0 || tap.countsFor([record]).has('get config');
}

async function measureEvent(
  world: World,
  tap: KvsTap,
  queueTap: QueueTap,
  eventName: string,
  email: string,
  act: () => void,
): Promise<EventCost> {
  const brevoHost = hostOf(world.brevo.appUrl);
  const { outboundConsumer } = syncFunctions(world);
  world.jira.resetRequestLog();
  world.brevo.clearRequests();
  const queueBefore = queueTap.snapshot();
  const arrivedBefore = world.brevo.account().events({ email, name: eventName }).length;
  const window = new InvocationWindow(world.sandbox.accounting);
  act();
  await world.sandbox.drain();
  const records = window.records();
  const triggers = records.filter((r) => r.kind === 'trigger');
  const consumers = records.filter((r) => r.functionKey === outboundConsumer);
  const brevoJobs = consumers.filter((r) => isBrevoJob(r, tap, brevoHost));
  const ticketJobs = consumers.filter((r) => !brevoJobs.includes(r));
  const appWarnings = new Map<string, number>();
  for (const record of brevoJobs) {
    for (const line of record.logs) {
      if (line.level !== 'warn' && line.level !== 'error') continue;
      const scope = typeof line.fields?.['scope'] === 'string' ? ` (scope ${line.fields['scope']})` : '';
      const label = `${line.level}: ${line.message}${scope}`;
      appWarnings.set(label, (appWarnings.get(label) ?? 0) + 1);
    }
  }
  return {
    jira: jiraTraffic(world.jira.requestLog()),
    jiraOfBrevoJob: brevoJobs.reduce((n, r) => n + (r.requests['jira']?.count ?? 0), 0),
    brevo: brevoTraffic(world.brevo.requests()),
    kvsBrevoJob: tap.countsFor(brevoJobs),
    kvsTrigger: sum(tap.countsFor(triggers)),
    kvsTicketJob: sum(tap.countsFor(ticketJobs)),
    queue: diff(queueTap.snapshot(), queueBefore),
    triggers: triggers.length,
    brevoJobs: brevoJobs.length,
    ticketJobs: ticketJobs.length,
    appWarnings,
    arrived: world.brevo.account().events({ email, name: eventName }).length - arrivedBefore,
  };
}

interface Scenario {
  event: string;
  contact: 'new' | 'known';
  brevoEvent: string;
  email: string;
  jiraMinimum: number;
  upsertMinimum: number;
  act: () => void;
}

const NEW_USERS = [
  { accountId: '712020:carol', displayName: 'Carol Customer', emailAddress: 'carol@example.com' },
  { accountId: '712020:dave', displayName: 'Dave Customer', emailAddress: 'dave@example.com' },
  { accountId: '712020:erin', displayName: 'Erin Customer', emailAddress: 'erin@example.com' },
] as const;

async function saveBrevoAccount(world: World): Promise<void> {
  const supList = world.brevo.account().list('Jira SUP customers');
  const saved = await world.run(() =>
    world.store.config.saveBrevoAccount({
      kind: 'brevo',
      name: 'Acme CRM',
      apiKey: DEFAULT_ACCOUNT.apiKey,
      active: true,
      projectLists: [{ projectKey: 'SUP', listId: supList.id }],
    }),
  );
  if (!saved.ok) throw new Error(`the Brevo account was rejected: ${JSON.stringify(saved)}`);
}

async function perEvent(print: (text: string) => void): Promise<SummaryLine[]> {
  const world = await createWorld({ brevo: { appAttributes: true } });
  const tap = new KvsTap(world.sandbox.kvs);
  const queueTap = new QueueTap(world.sandbox.queue);
  try {
    const [forCreated, forStatus, forComment] = NEW_USERS.map((user) =>
      world.jira.admin.addUser({ ...user, emailVisible: true }),
    );
    if (!forCreated || !forStatus || !forComment) throw new Error('no user was added');
    const issueAs = (accountId: string, summary: string) =>
      world.jira.admin.createIssue(accountId, { project: 'SUP', issueType: 'Task', summary });
    // Issues made before the Brevo account exists reach no Brevo contact: their reporters stay new to Brevo.
    const statusIssue = issueAs(forStatus.accountId, 'Dave cannot log in');
    const commentIssue = issueAs(forComment.accountId, 'Erin asks about invoices');
    await world.sandbox.drain();
    await saveBrevoAccount(world);
    // A warm-up event on another contact (alice): the account's one-off reads (e.g. the site URL) are not counted.
    world.createIssue('Warm-up');
    await world.sandbox.drain();

    const scenarios: Scenario[] = [
      {
        event: 'issue created',
        contact: 'new',
        brevoEvent: 'jira_issue_created',
        email: forCreated.emailAddress ?? '',
        jiraMinimum: 1,
        upsertMinimum: 1,
        act: () => issueAs(forCreated.accountId, 'Carol reports a crash'),
      },
      {
        event: 'status change',
        contact: 'new',
        brevoEvent: 'jira_issue_status_changed',
        email: forStatus.emailAddress ?? '',
        jiraMinimum: 1,
        upsertMinimum: 1,
        act: () =>
          world.jira.admin.transitionIssue(users.alice.accountId, statusIssue.id, {
            toStatus: 'In Progress',
          }),
      },
      {
        event: 'comment',
        contact: 'new',
        brevoEvent: 'jira_comment_added',
        email: forComment.emailAddress ?? '',
        jiraMinimum: 2,
        upsertMinimum: 1,
        act: () =>
          world.jira.admin.addComment(users.alice.accountId, commentIssue.id, {
            body: 'We are looking into it.',
          }),
      },
      {
        event: 'issue created',
        contact: 'known',
        brevoEvent: 'jira_issue_created',
        email: forCreated.emailAddress ?? '',
        jiraMinimum: 1,
        upsertMinimum: 0,
        act: () => issueAs(forCreated.accountId, 'Carol reports another crash'),
      },
      {
        event: 'status change',
        contact: 'known',
        brevoEvent: 'jira_issue_status_changed',
        email: forStatus.emailAddress ?? '',
        jiraMinimum: 1,
        upsertMinimum: 0,
        act: () =>
          world.jira.admin.transitionIssue(users.alice.accountId, statusIssue.id, { toStatus: 'To Do' }),
      },
      {
        event: 'comment',
        contact: 'known',
        brevoEvent: 'jira_comment_added',
        email: forComment.emailAddress ?? '',
        jiraMinimum: 2,
        upsertMinimum: 0,
        act: () =>
          world.jira.admin.addComment(users.alice.accountId, commentIssue.id, { body: 'Fixed in 2.0.1.' }),
      },
    ];

    const rows: Cell[][] = [];
    const detailRows: Cell[][] = [];
    const measured: Array<{ scenario: Scenario; cost: EventCost }> = [];
    const warnings = new Map<string, number>();
    for (const scenario of scenarios) {
      const cost = await measureEvent(
        world,
        tap,
        queueTap,
        scenario.brevoEvent,
        scenario.email,
        scenario.act,
      );
      measured.push({ scenario, cost });
      for (const [label, n] of cost.appWarnings) warnings.set(label, (warnings.get(label) ?? 0) + n);
      const jira = cost.jira.reads + cost.jira.writes;
      const kvs = sum(cost.kvsBrevoJob);
      const brevoQueue = cost.queue.get('brevo') ?? 0;
      const total = jira + cost.brevo.upserts + cost.brevo.events + cost.brevo.other + kvs + brevoQueue;
      const minimum = scenario.jiraMinimum + scenario.upsertMinimum + 1 + KVS_MINIMUM + 1;
      rows.push([
        `${scenario.event}, ${scenario.contact} contact`,
        versus(jira, scenario.jiraMinimum),
        ratio(jira, scenario.jiraMinimum),
        versus(cost.brevo.upserts, scenario.upsertMinimum),
        ratio(cost.brevo.upserts, scenario.upsertMinimum),
        versus(cost.brevo.events, 1),
        versus(cost.brevo.other, 0),
        versus(kvs, KVS_MINIMUM),
        ratio(kvs, KVS_MINIMUM),
        versus(brevoQueue, 1),
        versus(total, minimum),
        ratio(total, minimum),
        `${cost.arrived} / 1`,
      ]);
      const ops = [...cost.jira.byOperation.entries()].map(([op, n]) => (n > 1 ? `${op} ×${n}` : op));
      const otherQueue = [...cost.queue.entries()].filter(([kind]) => kind !== 'brevo');
      detailRows.push([
        `${scenario.event}, ${scenario.contact} contact`,
        ops.join(', ') || '—',
        `${cost.jiraOfBrevoJob} of ${jira}`,
        `${cost.triggers} / ${cost.brevoJobs} / ${cost.ticketJobs}`,
        otherQueue.map(([kind, n]) => `${n} ${kind}`).join(', ') || '—',
        `${cost.kvsTrigger} + ${cost.kvsTicketJob}`,
        `${kvs + cost.kvsTrigger + cost.kvsTicketJob}`,
      ]);
    }
    print(
      renderTable({
        title:
          'Requests per Jira event for one Brevo account and one contact (the Brevo job; measured / minimum, ratio)',
        headers: [
          'event',
          'Jira',
          'ratio',
          'contact upserts',
          'ratio',
          'event POSTs',
          'other Brevo',
          'KVS ops',
          'ratio',
          'queue (Brevo)',
          'total',
          'ratio',
          'on timeline',
        ],
        rows,
        notes: [
          'Minimum: 1 Jira read (the issue; + the comment for a comment), 1 contact upsert for a new contact and 0 after,',
          `  1 Brevo event request, ${KVS_MINIMUM} KVS operations (configuration, API key, copy-once claim and completion, the`,
          '  sync-log entry), 1 queue event per Brevo account. "—" is the ratio of a cost whose minimum is 0.',
          '"new contact": the contact\'s first event reaches Brevo; "known": the contact had an event from this issue or reporter',
          '  just before (Jira user and contact state cached by the app, if its cache works).',
          'A contact upsert after the first is what the app decides when the mapped attributes change: LAST_TICKET_KEY on a',
          '  new issue, LAST_TICKET_STATUS on a status change; the minimum of 0 assumes they could ride on the event itself',
          "  (Brevo's POST /v3/events takes contact_properties).",
          'Counted from the emulators: Jira and Brevo request logs, a tap on the KVS emulator attributed per invocation, and',
          '  the queue publishes by job kind.',
        ],
      }),
    );
    print(
      renderTable({
        title: 'The same events: Jira operations and everything else the event caused',
        headers: [
          'event',
          'Jira operations',
          'Jira by Brevo job',
          'triggers / Brevo jobs / ticket jobs',
          'other queue events',
          'KVS trigger + ticket job',
          'KVS all',
        ],
        rows: detailRows,
        notes: [
          'A comment fires two Jira events (commented and updated); the second queues nothing. Ticket jobs are the TeamSupport',
          "  side's (the issues have no linked tickets, so they read the issue's links and stop).",
        ],
      }),
    );
    const known = measured.find(
      (m) => m.scenario.contact === 'known' && m.scenario.event === 'status change',
    );
    if (known) {
      print(
        renderTable({
          title: 'KVS operations of the Brevo job for a status change of a known contact, by kind',
          headers: ['operation', 'count', 'why'],
          rows: [...known.cost.kvsBrevoJob.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([label, n]) => [label, n, KVS_REASONS[label] ?? '']),
        }),
      );
    }
    if (warnings.size > 0) {
      print(
        renderTable({
          title: 'Warnings and errors the Brevo jobs printed while measured (all six events)',
          headers: ['line', 'count'],
          rows: [...warnings.entries()].map(([label, n]) => [label.slice(0, 140), n]),
        }),
      );
    }
    const jiraOf = (cost: EventCost) => cost.jira.reads + cost.jira.writes;
    const line = (contact: 'new' | 'known'): SummaryLine => ({
      figure: `Brevo per event, ${contact} contact (created, status, comment): measured/minimum`,
      measured: measured
        .filter((m) => m.scenario.contact === contact)
        .map(
          ({ scenario: s, cost: c }) =>
            `${s.event}: Jira ${jiraOf(c)}/${s.jiraMinimum}, upserts ${c.brevo.upserts}/${s.upsertMinimum}, ` +
            `events ${c.brevo.events}/1, KVS ${sum(c.kvsBrevoJob)}/${KVS_MINIMUM}`,
        )
        .join('; '),
    });
    return [line('new'), line('known')];
  } finally {
    await world.close();
  }
}

// ------------------------------------------------------------------------------------------------ part 2

const BREVO_LIMIT_PER_SECOND = 10;

interface BurstPlan {
  label: string;
  /** status changes round robin over `issues` existing issues, or `issues` new issues */
  kind: 'status' | 'created';
  issues: number;
  changesPerIssue: number;
  latencyMs: number;
}

/** The headline burst (issue 16's "1,000 issue events"), then two contrasts that isolate what limits it. */
const BURSTS: readonly BurstPlan[] = [
  {
    label: 'A: 1,000 status changes over 100 issues',
    kind: 'status',
    issues: 100,
    changesPerIssue: 10,
    latencyMs: 50,
  },
  { label: 'B: 1,000 new issues', kind: 'created', issues: 1_000, changesPerIssue: 1, latencyMs: 50 },
  {
    label: 'C: 200 new issues, low latency',
    kind: 'created',
    issues: 200,
    changesPerIssue: 1,
    latencyMs: 10,
  },
];

const eventsOf = (plan: BurstPlan): number => plan.issues * plan.changesPerIssue;
const brevoEventName = (plan: BurstPlan): string =>
  plan.kind === 'status' ? 'jira_issue_status_changed' : 'jira_issue_created';

interface Rates {
  peak: number;
  peakSecond: string;
  average: number;
  allowed: number;
}

/** Requests per clock second of the emulator (its rate-limit windows), for the requests a filter picks. */
function ratesOf(
  entries: ReadonlyArray<{ at: string; status: number; url: string }>,
  pick: (path: string) => boolean,
  spanSeconds: number,
): Rates {
  const perSecond = new Map<number, number>();
  let allowed = 0;
  for (const entry of entries) {
    if (!pick(new URL(entry.url, 'http://emulator.invalid').pathname)) continue;
    if (entry.status === 429) continue;
    allowed += 1;
    const second = Math.floor(Date.parse(entry.at) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  let peak = 0;
  let peakAt = 0;
  for (const [second, n] of perSecond) {
    if (n > peak) {
      peak = n;
      peakAt = second;
    }
  }
  return {
    peak,
    peakSecond: peak === 0 ? '—' : new Date(peakAt * 1000).toISOString().slice(11, 19),
    average: spanSeconds > 0 ? allowed / spanSeconds : 0,
    allowed,
  };
}

/** The sync_ref of every Brevo event the burst should make: one per Jira event of the burst's kind. */
function expectedRefs(world: World, plan: BurstPlan): string[] {
  const refs: string[] = [];
  for (const event of world.jira.events()) {
    if (plan.kind === 'created' && event.eventType === 'avi:jira:created:issue') {
      refs.push(`${event.issue.id}:created:issueCreated`);
    }
    if (
      plan.kind === 'status' &&
      event.eventType === 'avi:jira:updated:issue' &&
      event.changelog?.items.some((item) => item.field === 'status')
    ) {
      refs.push(`${event.issue.id}:change-${event.changelog.id}:statusChanged`);
    }
  }
  return refs;
}

interface BurstResult {
  plan: BurstPlan;
  expected: number;
  received: number;
  distinct: number;
  missing: number;
  duplicates: number;
  unexpected: number;
  refused429: number;
  logged429: number;
  traffic: BrevoTraffic;
  events: Rates;
  contacts: Rates;
  all: Rates;
  emulatorSpanMs: number;
  sandboxMs: number;
  realMs: number;
  rounds: number;
  published: Map<string, number>;
  queueRefused: number;
  deadLetters: number;
  triggers: { ok: number; willRetry: number; gaveUp: number; invocations: number };
  consumers: number;
  consumerRetries: number;
  /** 429s on contact upserts / on event POSTs (request log) */
  rateLimitedByGroup: { contacts: number; events: number };
}

async function runBurst(plan: BurstPlan): Promise<BurstResult> {
  // The emulator's latency moves the sandbox clock instead of waiting: `latencyMs` of Brevo time per request.
  const virtualLatency = (ms: number): Promise<void> => {
    advanceSandboxClock(ms);
    return Promise.resolve();
  };
  const world = await createWorld({ brevo: { appAttributes: true, sleep: virtualLatency } });
  const queueTap = new QueueTap(world.sandbox.queue);
  const triggerLog = { willRetry: 0, gaveUp: 0, ok: 0 };
  const onLog = (entry: SandboxLogEntry): void => {
    if (entry.kind !== 'trigger') return;
    if (entry.message.includes(' will retry ')) triggerLog.willRetry += 1;
    else if (entry.message.endsWith('asked for a retry')) triggerLog.gaveUp += 1;
    else if (entry.message.endsWith(': ok')) triggerLog.ok += 1;
  };
  try {
    // Status changes need their issues first; made before the Brevo account exists, they send nothing.
    const issues =
      plan.kind === 'status'
        ? Array.from({ length: plan.issues }, (_, i) => world.createIssue(`Burst issue ${i + 1}`))
        : [];
    await world.sandbox.drain();
    await saveBrevoAccount(world);
    world.brevo.setLatency(plan.latencyMs);
    world.brevo.clearRequests();
    world.brevo.account().resetCounters();
    world.jira.clearEvents();
    world.sandbox.on('log', onLog);
    const queueBefore = queueTap.snapshot();
    const refusedBefore = queueTap.refusedEvents;
    const window = new InvocationWindow(world.sandbox.accounting);

    const realStart = performance.now();
    const sandboxStart = Date.now();
    if (plan.kind === 'status') {
      // Round robin over the issues: To Do → In Progress → To Do … (Start Progress / Stop Progress), all at once.
      for (let round = 0; round < plan.changesPerIssue; round++) {
        for (const issue of issues) {
          world.jira.admin.transitionIssue(users.alice.accountId, issue.id, {
            toStatus: round % 2 === 0 ? 'In Progress' : 'To Do',
          });
        }
      }
    } else {
      for (let i = 0; i < plan.issues; i++) world.createIssue(`Burst issue ${i + 1}`);
    }
    const expected = expectedRefs(world, plan);
    const { rounds } = await world.sandbox.drain({ maxRounds: 100_000 });
    const realMs = performance.now() - realStart;
    const sandboxMs = Date.now() - sandboxStart;
    world.sandbox.off('log', onLog);

    const entries = world.brevo.requests();
    const times = entries.map((entry) => Date.parse(entry.at));
    const firstAt = times.length === 0 ? 0 : Math.min(...times);
    const lastAt = times.length === 0 ? 0 : Math.max(...times);
    const spanSeconds = (lastAt - firstAt) / 1000;
    const counters = world.brevo.account().counters();

    const timeline = world.brevo
      .account()
      .events({ email: users.alice.emailAddress, name: brevoEventName(plan) });
    const received = timeline.map((event) => {
      const ref = event.properties['sync_ref'];
      return typeof ref === 'string' ? ref : '';
    });
    const distinct = new Set(received);
    const expectedSet = new Set(expected);

    const records = window.records();
    const { outboundConsumer } = syncFunctions(world);
    const consumers = records.filter((r) => r.functionKey === outboundConsumer);
    const limitedOn = (prefix: string): number =>
      entries.filter(
        (entry) =>
          entry.status === 429 && new URL(entry.url, 'http://emulator.invalid').pathname.startsWith(prefix),
      ).length;
    return {
      plan,
      expected: expected.length,
      received: received.length,
      distinct: distinct.size,
      missing: expected.filter((ref) => !distinct.has(ref)).length,
      duplicates: received.length - distinct.size,
      unexpected: [...distinct].filter((ref) => !expectedSet.has(ref)).length,
      refused429: counters.events.refused + counters.contacts.refused + counters.other.refused,
      logged429: entries.filter((entry) => entry.status === 429).length,
      traffic: brevoTraffic(entries),
      events: ratesOf(entries, (path) => path.startsWith('/v3/events'), spanSeconds),
      contacts: ratesOf(entries, (path) => path.startsWith('/v3/contacts'), spanSeconds),
      all: ratesOf(entries, () => true, spanSeconds),
      emulatorSpanMs: lastAt - firstAt,
      sandboxMs,
      realMs,
      rounds,
      published: diff(queueTap.snapshot(), queueBefore),
      queueRefused: queueTap.refusedEvents - refusedBefore,
      deadLetters: world.sandbox.queue.deadLetters.length,
      triggers: { ...triggerLog, invocations: records.filter((r) => r.kind === 'trigger').length },
      consumers: consumers.length,
      consumerRetries: consumers.filter((r) => r.outcome === 'retry').length,
      rateLimitedByGroup: { contacts: limitedOn('/v3/contacts'), events: limitedOn('/v3/events') },
    };
  } finally {
    world.sandbox.off('log', onLog);
    await world.close();
  }
}

function burstTable(results: readonly BurstResult[]): string {
  const row = (figure: string, reference: string, cell: (r: BurstResult) => Cell): Cell[] => [
    figure,
    ...results.map(cell),
    reference,
  ];
  const rate = (rates: Rates): string => `${rates.peak} (${rates.peakSecond}) / ${rates.average.toFixed(2)}`;
  return renderTable({
    title: `Bursts of Jira events to one Brevo contact, Brevo limited to ${BREVO_LIMIT_PER_SECOND} req/s per group`,
    headers: ['figure', ...results.map((r) => r.plan.label), 'reference'],
    rows: [
      row('Brevo latency per request (virtual)', '—', (r) => `${r.plan.latencyMs} ms`),
      row('Jira events in the burst', '—', (r) => count(eventsOf(r.plan))),
      row('events on the timeline: received', '= expected', (r) => count(r.received)),
      row('  expected (one per Jira event)', '—', (r) => count(r.expected)),
      row('  distinct (by sync_ref)', '= expected', (r) => count(r.distinct)),
      row('  missing', '0', (r) => count(r.missing)),
      row('  duplicates', '0', (r) => count(r.duplicates)),
      row('  not from this burst', '0', (r) => count(r.unexpected)),
      row(
        'Brevo 429s (counters / request log)',
        '—',
        (r) => `${count(r.refused429)} / ${count(r.logged429)}`,
      ),
      row(
        '  on contact upserts / on event POSTs',
        '—',
        (r) => `${count(r.rateLimitedByGroup.contacts)} / ${count(r.rateLimitedByGroup.events)}`,
      ),
      row(
        'Brevo requests: upserts / event POSTs / other',
        'new contact 1 / = events / 0',
        (r) => `${count(r.traffic.upserts)} / ${count(r.traffic.events)} / ${count(r.traffic.other)}`,
      ),
      row('events group req/s: peak (at) / average', `≤ ${BREVO_LIMIT_PER_SECOND}`, (r) => rate(r.events)),
      row('contacts group req/s: peak (at) / average', `≤ ${BREVO_LIMIT_PER_SECOND}`, (r) =>
        rate(r.contacts),
      ),
      row('all Brevo req/s: peak / average', '—', (r) => `${r.all.peak} / ${r.all.average.toFixed(2)}`),
      row(
        'time, emulator clock: first → last Brevo request',
        `≥ events / ${BREVO_LIMIT_PER_SECOND} per s`,
        (r) => seconds(r.emulatorSpanMs),
      ),
      row('time, sandbox clock (virtual): burst → drained', '—', (r) => seconds(r.sandboxMs)),
      row('time, real (wall clock): burst → drained', '—', (r) => seconds(r.realMs)),
      row('drain rounds', '—', (r) => count(r.rounds)),
      row('queue events published, by job kind', '—', (r) =>
        [...r.published.entries()].map(([kind, n]) => `${count(n)} ${kind}`).join(', '),
      ),
      row('queue events refused (queue 429)', '0', (r) => count(r.queueRefused)),
      row('queue dead letters', '0', (r) => count(r.deadLetters)),
      row(
        'trigger deliveries: ok / retry scheduled / retries exhausted',
        '= events / — / 0',
        (r) => `${count(r.triggers.ok)} / ${count(r.triggers.willRetry)} / ${count(r.triggers.gaveUp)}`,
      ),
      row('trigger invocations (all attempts)', '—', (r) => count(r.triggers.invocations)),
      row(
        'consumer invocations / asked for a retry',
        '—',
        (r) => `${count(r.consumers)} / ${count(r.consumerRetries)}`,
      ),
      row('Brevo event POSTs let through / expected', '100.0 %', (r) =>
        percent(r.events.allowed, r.expected),
      ),
    ],
    notes: [
      "Virtual time: drain() jumps the sandbox clock over queue delays and retry back-offs, and the Brevo emulator's",
      "  latency advances that clock instead of waiting. The emulator's clock (its rate-limit windows and request log)",
      "  follows sandbox time, so rates are per second of the emulator's clock, from its request log (requests let",
      "  through; 429s are not in the rates; averages over the first → last request). The app's own retry waits after a",
      '  429 are real (lib/retry sleeps with setTimeout): they pass on both clocks. Real time is what this machine took.',
      'Expected: one Brevo event per Jira event of the burst (sync_ref = issue id : created | change-<changelog id> : kind).',
      'The queue (sandbox/runtime/queue.ts) takes 500 events a minute per installation, as Forge does',
      '  (docs/forge-platform.md §5.1); a product event whose trigger asks for a retry is delivered at most 4 more times',
      '  (sandbox/runtime/sandbox.ts, PRODUCT_EVENT_MAX_RETRIES): "retries exhausted" are Jira events lost at the trigger.',
      'B isolates the queue limit (one queue event per Jira event instead of two); C lowers the latency so that the',
      "  app's serial sending can outrun 10 req/s, to show what a 429 costs and that it loses nothing.",
    ],
  });
}

async function bursts(print: (text: string) => void): Promise<SummaryLine[]> {
  const results: BurstResult[] = [];
  for (const plan of BURSTS) results.push(await runBurst(plan));
  print(burstTable(results));
  return results.map((r) => ({
    figure: `Brevo burst ${r.plan.label} at ${r.plan.latencyMs} ms: timeline received / distinct / expected; 429s; req/s peak, avg; time`,
    measured:
      `${count(r.received)} / ${count(r.distinct)} / ${count(r.expected)} (missing ${count(r.missing)}, ` +
      `duplicates ${count(r.duplicates)}); ${count(r.refused429)} × 429; events ${r.events.peak}, ` +
      `${r.events.average.toFixed(2)}/s; ${seconds(r.emulatorSpanMs)} emulator / ${seconds(r.sandboxMs)} virtual / ` +
      `${seconds(r.realMs)} real; ${count(r.triggers.gaveUp)} Jira events dropped at the trigger`,
  }));
}

async function run(print: (text: string) => void): Promise<SummaryLine[]> {
  const lines = await perEvent(print);
  return [...lines, ...(await bursts(print))];
}

export const brevo: Benchmark = {
  name: 'brevo',
  issue: 'issue 16',
  title: 'Brevo: requests per Jira event, and bursts of issue events at 10 req/s',
  run,
};
