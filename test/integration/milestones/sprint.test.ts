// Issue 17: a closed sprint sends jira_sprint_closed once to each contact of the sprint's issues in a done status, with
// their own keys; issues left undone, outside the account's scope, or in another sprint count for nobody.
import { users } from '../world';
import { carol, createMilestoneWorld, type MilestoneWorld } from './harness';

describe('A closed sprint on Brevo', () => {
  let world: MilestoneWorld;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  it('reaches the contacts of its done issues only, each once, with their keys', async () => {
    world = await createMilestoneWorld({ brevoAccount: { projects: ['SUP'] } });
    const sprint = world.jira.admin.createSprint({
      name: 'Sprint 12',
      goal: 'Exports work again',
      startDate: '2025-03-03T09:00:00.000Z',
      endDate: '2025-03-14T17:00:00.000Z',
    });
    const doneByAlice = world.issue('Export fails');
    const doneByCarol = world.issue('Login loops', { reporter: carol.accountId });
    const openForCarol = world.issue('Printing is slow', { reporter: carol.accountId });
    const doneAssignedToCarol = world.issue('Totals are off', { assignee: carol.accountId });
    const otherProject = world.issue('Build is red', { project: 'DEV', reporter: carol.accountId });
    const notInSprint = world.issue('Unplanned', { reporter: carol.accountId });
    world.jira.admin.startSprint(sprint.id);
    world.jira.admin.addToSprint(sprint.id, [
      doneByAlice.id,
      doneByCarol.id,
      openForCarol.id,
      doneAssignedToCarol.id,
      otherProject.id,
    ]);
    for (const issue of [doneByAlice, doneByCarol, doneAssignedToCarol, otherProject, notInSprint]) {
      world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'Done' });
    }
    await world.sandbox.drain();
    world.jira.admin.closeSprint(users.alice.accountId, sprint.id);
    await world.sandbox.drain();
    await world.redeliverEverything();

    const alice = world.brevoEvents('alice@example.com', 'jira_sprint_closed');
    expect(alice).toHaveLength(1);
    expect(alice[0]?.properties).toMatchObject({
      sprint: 'Sprint 12',
      sprint_id: sprint.id,
      goal: 'Exports work again',
      end_date: '2025-03-14T17:00:00.000Z',
      complete_date: expect.any(String),
      issue_keys: `${doneByAlice.key}, ${doneAssignedToCarol.key}`,
      issue_count: 2,
      sync_ref: `sprint-${sprint.id}`,
    });
    const carolEvents = world.brevoEvents(carol.emailAddress, 'jira_sprint_closed');
    expect(carolEvents).toHaveLength(1);
    expect(carolEvents[0]?.properties).toMatchObject({
      issue_keys: `${doneByCarol.key}, ${doneAssignedToCarol.key}`,
      issue_count: 2,
    });
    // A sprint has no linked-ticket side, and no release happened.
    expect(world.brevoEvents('alice@example.com', 'jira_version_released')).toEqual([]);
  });

  it('sends nothing when the account has the sprint switch off', async () => {
    world = await createMilestoneWorld({
      brevoAccount: {
        events: {
          issueCreated: false,
          issueUpdated: false,
          issueResolved: false,
          statusChanged: false,
          commentAdded: false,
          versionReleased: true,
          sprintClosed: false,
        },
      },
    });
    const sprint = world.jira.admin.createSprint({ name: 'Sprint 13' });
    const issue = world.issue('Export fails');
    world.jira.admin.startSprint(sprint.id);
    world.jira.admin.addToSprint(sprint.id, [issue.id]);
    world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'Done' });
    world.jira.admin.closeSprint(users.alice.accountId, sprint.id);
    await world.sandbox.drain();
    expect(world.brevoEvents('alice@example.com', 'jira_sprint_closed')).toEqual([]);
    expect(world.brevo.requests().filter((request) => request.url.startsWith('/v3/'))).toEqual([]);
  });
});
