// The daily repair of the JQL-searchable links (src/sync/links-repair): it writes the property of links made before it
// existed, rewrites one that drifted, removes one left on an issue without links, follows a renamed instance, writes
// nothing when everything is right, and resumes a long run from its stored point without doing an issue twice.
import { LINKS_PROPERTY_KEY } from '../../../src/domain/links-property';
import { fixedBudget } from '../../../src/lib/budget';
import { createLogger } from '../../../src/lib/logger';
import { startRepair } from '../../../src/sync/links-repair/start';
import { runRepairStep, type RepairDeps } from '../../../src/sync/links-repair/step';
import type { LinksRepairJob } from '../../../src/sync/jobs/links-repair';
import { KvsLinkWalk } from '../../../src/store/link-walk';
import { KvsRepairRunStore } from '../../../src/store/links-repair-runs';
import { JiraHttp } from '../../../src/jira/http';
import { JiraRest } from '../../../src/jira/jira-rest';
import { createWorld, type World } from '../world';
import { jqlKeys, linksProperty, propertyRequests, runDailyRepair, searches } from './harness';

const quiet = createLogger({ sink: () => undefined });

describe('the daily repair of JQL-searchable links', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  /** Links made straight in storage, as before the property existed: no property is written. */
  async function linkedIssues(count: number): Promise<Array<{ id: string; key: string; number: number }>> {
    const issues: Array<{ id: string; key: string; number: number }> = [];
    for (let i = 0; i < count; i++) {
      const issue = world.createIssue(`Issue ${i}`);
      const ticket = world.createTicket();
      await world.link(issue, ticket);
      issues.push({ ...issue, number: ticket.ticketNumber });
    }
    return issues;
  }

  const valueFor = (...numbers: number[]) => ({
    count: numbers.length,
    numbers: numbers.map(String),
    instances: ['Acme Support'],
  });

  it('adds missing properties, rewrites a drifted one, removes a stale one, and then writes nothing', async () => {
    const [older, drifted] = await linkedIssues(2);
    if (!older || !drifted) throw new Error('two issues expected');
    world.jira.admin.setIssueProperty(drifted.key, LINKS_PROPERTY_KEY, {
      count: 5,
      numbers: ['1'],
      instances: ['Acme Support'],
    });
    const stale = world.createIssue('Unlinked long ago');
    world.jira.admin.setIssueProperty(stale.key, LINKS_PROPERTY_KEY, valueFor(99));
    expect(await jqlKeys(world, 'supportTickets > 0 ORDER BY key ASC')).toEqual([drifted.key, stale.key]);

    await runDailyRepair(world);

    expect(await linksProperty(world, older.id)).toEqual(valueFor(older.number));
    expect(await linksProperty(world, drifted.id)).toEqual(valueFor(drifted.number));
    expect(await linksProperty(world, stale.id)).toBeUndefined();
    expect(await jqlKeys(world, 'supportTickets > 0 ORDER BY key ASC')).toEqual([older.key, drifted.key]);

    world.jira.resetRequestLog();
    await runDailyRepair(world);
    expect(propertyRequests(world)).toEqual([]);
    // One search for the issues with the property, one for the page of links.
    expect(searches(world)).toBe(2);
  });

  it('follows a renamed instance', async () => {
    const [issue] = await linkedIssues(1);
    if (!issue) throw new Error('one issue expected');
    await runDailyRepair(world);
    await world.run(async () => {
      const views = await world.store.config.listInstanceViews();
      const view = views.ok ? views.instances[0] : undefined;
      const { hasToken: _hasToken, createdAt: _c, updatedAt: _u, ...settings } = view ?? { hasToken: false };
      expect((await world.store.config.saveInstance({ ...settings, name: 'Acme Helpdesk' })).ok).toBe(true);
    });

    await runDailyRepair(world);

    expect(await jqlKeys(world, 'supportTicketInstance = "Acme Helpdesk"')).toEqual([issue.key]);
    expect(await jqlKeys(world, 'supportTicketInstance = "Acme Support"')).toEqual([]);
  });

  it('repairs the rest of a page of links when one of them joins an issue that no longer exists', async () => {
    const [kept] = await linkedIssues(1);
    if (!kept) throw new Error('one issue expected');
    // A link whose issue is gone (its deletion event was lost): Jira refuses a search naming that issue's id.
    await world.run(() =>
      world.store.links.create({
        instanceId: world.instanceId,
        ticketId: '424242',
        ticketNumber: '4242',
        issueId: '99999',
        issueKey: 'SUP-999',
      }),
    );

    world.jira.resetRequestLog();
    await runDailyRepair(world);

    // The page is then read issue by issue (no property on either); the write to the missing issue finds it gone.
    const requests = propertyRequests(world).map(({ method, status }) => `${method} ${status}`);
    expect(requests.sort()).toEqual(['GET 404', 'GET 404', 'PUT 201', 'PUT 404']);
    expect(await linksProperty(world, kept.id)).toEqual(valueFor(kept.number));
    expect(await jqlKeys(world, 'supportTickets > 0')).toEqual([kept.key]);
  });

  it('pages through more than 100 issues and links, and resumes from its stored point after a handover', async () => {
    const issues = await linkedIssues(130);
    const runs = new KvsRepairRunStore(quiet);
    let job: LinksRepairJob | undefined;
    await world.run(async () => {
      job = await startRepair(
        { runs, queue: () => Promise.resolve(), newRunId: () => 'run-1', now: () => new Date() },
        { kind: 'all' },
      );
    });
    if (!job) throw new Error('no job');
    const started = job;
    // Each delivery may do two pages before it runs short of time: 130 links take two deliveries.
    const delivery = () => {
      let pages = 0;
      const deps: RepairDeps = {
        jira: new JiraRest(new JiraHttp({ budget: fixedBudget(60_000) })),
        links: world.store.links,
        walk: new KvsLinkWalk(quiet),
        runs,
        config: world.store.config,
        budget: { remainingMs: () => (pages++ < 2 ? 60_000 : 0) },
        now: () => new Date(),
        logger: quiet,
        pageSize: 100,
        concurrency: 4,
        handoverMarginMs: 1_000,
      };
      return world.run(() => runRepairStep(deps, started, { finalAttempt: false }));
    };

    world.jira.resetRequestLog();
    expect(await delivery()).toEqual({ status: 'continue' });
    const afterFirst = propertyRequests(world).length;
    expect(afterFirst).toBe(100);
    expect(await delivery()).toEqual({ status: 'done' });
    expect(propertyRequests(world).filter((r) => r.method === 'PUT')).toHaveLength(130);
    // A late duplicate of the job finds its run gone and does nothing.
    expect(await delivery()).toEqual({ status: 'done' });
    expect(propertyRequests(world)).toHaveLength(130);
    for (const issue of [issues[0], issues[99], issues[100], issues[129]]) {
      if (issue) expect(await linksProperty(world, issue.id)).toEqual(valueFor(issue.number));
    }

    // The next daily run: nothing drifted, so no write; the cost is the searches and one link query per issue.
    world.jira.resetRequestLog();
    world.sandbox.accounting.reset();
    await runDailyRepair(world);
    expect(propertyRequests(world)).toEqual([]);
    // Two pages of issues with the property (100 + 30), two pages of links (one search each).
    expect(searches(world)).toBe(4);
    const storage = world.sandbox.accounting.requestsTo(
      'kvs',
      world.sandbox.accounting.invocations({ functionKey: 'outbound-worker' }),
    );
    // 130 by-issue queries, 2 pages of links, the settings and the run record read and written per page (140).
    expect(storage).toBeGreaterThanOrEqual(130);
    expect(storage).toBeLessThan(150);
  });
});
