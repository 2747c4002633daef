// Sprints: the Sprint field (GET /field, GET issue), the admin's plan / start / fill / close, the
// avi:jira-software:closed:sprint event, JQL over sprints (with statusCategory for the completed work), and sprints
// surviving a state snapshot.
import { DEFAULT_FIXTURE as F, SPRINT_FIELD_ID, startJiraEmulator, type ProductEvent } from '../index';
import {
  client,
  specErrors,
  useJira,
  type ErrorBody,
  type IssueBean,
  type SearchResults,
} from '../jira.test-support';

const jira = useJira({ now: () => 0 });
const T0 = Date.UTC(2026, 10, 2, 9, 0); // Monday 2026-11-02 09:00 UTC
const DAY = 86_400_000;

interface SprintEntry {
  id: number;
  name: string;
  state: string;
  boardId: number;
  goal: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

function sprintEvents(): ProductEvent[] {
  return jira()
    .events()
    .filter((event) => event.eventType.endsWith(':sprint'));
}

/** Sprint 1 (active, DEV-1..3, DEV-1 done) and sprint 2 (future, empty). */
function plannedSprints(): { first: number; second: number; keys: string[] } {
  jira().clock.set(T0);
  const admin = jira().admin;
  const keys = ['one', 'two', 'three'].map(
    (summary) => admin.createIssue('app', { project: 'DEV', issueType: 'Task', summary }).key,
  );
  const first = admin.createSprint({ name: 'DEV Sprint 1', goal: 'Ship 2.0', originBoardId: 7 }).id;
  const second = admin.createSprint({ name: 'DEV Sprint 2' }).id;
  admin.startSprint(first);
  admin.addToSprint(first, keys);
  admin.transitionIssue('app', keys[0] ?? '', { toStatus: 'Done' });
  return { first, second, keys };
}

async function keys(jql: string): Promise<string[]> {
  const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
    jql: `${jql} ORDER BY key ASC`,
    fields: ['summary'],
  });
  expect({ jql, status: reply.status }).toEqual({ jql, status: 200 });
  return reply.body.issues.map((issue) => issue.key);
}

describe('the Sprint field', () => {
  it('is listed by GET /field like Jira Cloud lists customfield_10020', async () => {
    const reply =
      await client(jira()).get<{ id: string; name: string; schema: { custom?: string } }[]>(
        '/rest/api/3/field',
      );
    const sprint = reply.body.find((field) => field.id === SPRINT_FIELD_ID);
    expect(specErrors('FieldDetails', sprint)).toEqual([]);
    expect(sprint).toMatchObject({
      id: 'customfield_10020',
      name: 'Sprint',
      custom: true,
      clauseNames: expect.arrayContaining(['cf[10020]', 'Sprint']),
      schema: {
        type: 'array',
        items: 'json',
        custom: 'com.pyxis.greenhopper.jira:gh-sprint',
        customId: 10020,
      },
    });
  });

  it('renders the sprints an issue is in on GET issue, and null when there are none', async () => {
    const {
      first,
      keys: [done, ,],
    } = plannedSprints();
    const api = client(jira());
    const issue = await api.get<IssueBean>(`/rest/api/3/issue/${done ?? ''}?fields=${SPRINT_FIELD_ID}`);
    expect(issue.body.fields[SPRINT_FIELD_ID]).toEqual([
      {
        id: first,
        name: 'DEV Sprint 1',
        state: 'active',
        boardId: 7,
        goal: 'Ship 2.0',
        startDate: '2026-11-02T09:00:00.000Z',
        endDate: '2026-11-16T09:00:00.000Z',
      },
    ]);
    const outside = jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'x' });
    const plain = await api.get<IssueBean>(`/rest/api/3/issue/${outside.key}`);
    expect(specErrors('IssueBean', plain.body)).toEqual([]);
    expect(plain.body.fields[SPRINT_FIELD_ID]).toBeNull();
  });

  it('cannot be set through edit (it is on no screen)', async () => {
    const {
      first,
      keys: [key],
    } = plannedSprints();
    const reply = await client(jira()).put<ErrorBody>(`/rest/api/3/issue/${key ?? ''}`, {
      fields: { [SPRINT_FIELD_ID]: first },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toHaveProperty(SPRINT_FIELD_ID);
  });
});

describe('closing a sprint', () => {
  it('sets completeDate, keeps the sprint in every issue and emits avi:jira-software:closed:sprint', async () => {
    const { first, keys: issueKeys } = plannedSprints();
    jira().clock.set(T0 + 14 * DAY);
    jira().clearEvents();
    jira().admin.closeSprint(F.users.alice.accountId, first);
    expect(sprintEvents()).toEqual([
      {
        eventType: 'avi:jira-software:closed:sprint',
        atlassianId: F.users.alice.accountId,
        sprint: {
          id: String(first),
          originBoardId: '7',
          name: 'DEV Sprint 1',
          goal: 'Ship 2.0',
          state: 'closed',
          createDate: '2026-11-02T09:00:00.000+0000',
          startDate: '2026-11-02T09:00:00.000+0000',
          endDate: '2026-11-16T09:00:00.000+0000',
          completeDate: '2026-11-16T09:00:00.000+0000',
        },
      },
    ]);
    // Closing is not an issue change: no issue events.
    expect(jira().events()).toHaveLength(1);
    for (const key of issueKeys) {
      const issue = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${key}?fields=${SPRINT_FIELD_ID}`);
      expect(issue.body.fields[SPRINT_FIELD_ID]).toEqual([
        expect.objectContaining({ id: first, state: 'closed', completeDate: '2026-11-16T09:00:00.000Z' }),
      ]);
    }
    expect(await keys(`sprint = ${first}`)).toEqual(issueKeys);
    expect(await keys(`sprint = ${first} AND statusCategory = Done`)).toEqual([issueKeys[0]]);
    expect(await keys(`sprint = ${first} AND statusCategory != Done`)).toEqual(issueKeys.slice(1));
  });

  it('closing twice emits once; a future sprint cannot be closed; an unknown one is refused', () => {
    const { first, second } = plannedSprints();
    const admin = jira().admin;
    admin.closeSprint('app', first);
    admin.closeSprint('app', first);
    expect(sprintEvents()).toHaveLength(1);
    expect(() => admin.closeSprint('app', second)).toThrow(/only an active sprint can be closed/);
    expect(() => admin.closeSprint('app', 999)).toThrow(/Sprint with id 999 does not exist/);
    expect(() => admin.addToSprint(first, ['DEV-1'])).toThrow(/closed/);
    expect(() => admin.startSprint(first)).toThrow(/only a future sprint can start/);
  });

  it('carried-over issues keep the closed sprint and join the next one', async () => {
    const { first, second, keys: issueKeys } = plannedSprints();
    const admin = jira().admin;
    admin.closeSprint('app', first);
    admin.startSprint(second);
    admin.addToSprint(second, issueKeys.slice(1));
    const carried = admin.issueView(issueKeys[1] ?? '');
    expect(carried.sprints.map((s) => [s.name, s.state])).toEqual([
      ['DEV Sprint 1', 'closed'],
      ['DEV Sprint 2', 'active'],
    ]);
    expect(await keys(`sprint = ${first}`)).toEqual(issueKeys);
    expect(await keys(`sprint = "DEV Sprint 2"`)).toEqual(issueKeys.slice(1));
    expect(await keys('sprint in openSprints()')).toEqual(issueKeys.slice(1));
    expect(await keys('sprint in closedSprints() AND sprint not in openSprints()')).toEqual([issueKeys[0]]);
    expect(await keys(`sprint in (${first}, ${second}) AND resolution = Unresolved`)).toEqual(
      issueKeys.slice(1),
    );
  });

  it('moving an issue between open sprints replaces the open one', () => {
    const { first, second, keys: issueKeys } = plannedSprints();
    jira().admin.addToSprint(second, [issueKeys[2] ?? '']);
    expect(
      jira()
        .admin.issueView(issueKeys[2] ?? '')
        .sprints.map((s) => s.id),
    ).toEqual([second]);
    expect(
      jira()
        .admin.issueView(issueKeys[1] ?? '')
        .sprints.map((s) => s.id),
    ).toEqual([first]);
  });
});

describe('JQL over sprints', () => {
  it('matches sprint by id, name, IN and EMPTY, and refuses an unknown sprint', async () => {
    const { first, keys: issueKeys } = plannedSprints();
    const other = jira().admin.createIssue('app', { project: 'DEV', issueType: 'Task', summary: 'backlog' });
    expect(await keys(`sprint = ${first}`)).toEqual(issueKeys);
    expect(await keys('sprint = "dev sprint 1"')).toEqual(issueKeys);
    expect(await keys(`cf[10020] in (${first})`)).toEqual(issueKeys);
    expect(await keys('project = DEV AND sprint is EMPTY')).toEqual([other.key]);
    expect(await keys('project = DEV AND sprint is not EMPTY')).toEqual(issueKeys);
    const unknown = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', { jql: 'sprint = 77' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorMessages).toEqual(["The value '77' does not exist for the field 'sprint'."]);
    const badFunction = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', {
      jql: 'sprint in futureSprints()',
    });
    expect(badFunction.body.errorMessages).toEqual(["Unable to find JQL function 'futureSprints()'."]);
  });
});

describe('snapshot', () => {
  it('keeps sprints, their state and the issues in them; sprint ids continue after the saved ones', async () => {
    const { first, keys: issueKeys } = plannedSprints();
    jira().clock.set(T0 + 10 * DAY);
    jira().admin.closeSprint('app', first);
    const restored = await startJiraEmulator({ state: jira().exportState(), now: () => T0 });
    try {
      const issue = await client(restored).get<IssueBean>(
        `/rest/api/3/issue/${issueKeys[0] ?? ''}?fields=${SPRINT_FIELD_ID}`,
      );
      const [entry] = (issue.body.fields[SPRINT_FIELD_ID] as SprintEntry[] | null) ?? [];
      expect(entry).toMatchObject({ id: first, state: 'closed', completeDate: '2026-11-12T09:00:00.000Z' });
      const found = await client(restored).post<SearchResults>('/rest/api/3/search/jql', {
        jql: `sprint = ${first} AND statusCategory = Done`,
      });
      expect(found.body.issues).toHaveLength(1);
      expect(restored.admin.createSprint({ name: 'after restore' }).id).toBe(first + 2);
      expect(restored.contractViolations()).toEqual([]);
    } finally {
      await restored.close();
    }
  });
});
