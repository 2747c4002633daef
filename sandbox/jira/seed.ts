// The default site the Jira emulator starts with (projects SUP and DEV, alice and bob, statuses, types, fields,
// versions) and the ids tests refer to.
import type { JiraAdmin } from './admin/jira-admin';
import type { JiraStore } from './state/store';

/** Ids of the default fixture, for tests and the sandbox page. */
export const DEFAULT_FIXTURE = {
  users: {
    alice: { accountId: '712020:alice', displayName: 'Alice Admin', emailAddress: 'alice@example.com' },
    bob: { accountId: '712020:bob', displayName: 'Bob Builder', emailAddress: 'bob@example.com' },
  },
  projects: {
    SUP: { id: '10000', key: 'SUP', name: 'Customer Support' },
    DEV: { id: '10001', key: 'DEV', name: 'Development' },
  },
  statuses: { toDo: '10000', inProgress: '3', done: '10001' },
  issueTypes: { task: '10001', story: '10002', bug: '10003' },
  transitions: { startProgress: '11', done: '21', reopen: '31', stopProgress: '41' },
  versions: { dev10: '10000', dev20: '10001' },
  customFields: {
    severity: 'customfield_10010',
    customer: 'customfield_10011',
    stepsToReproduce: 'customfield_10012',
    storyPoints: 'customfield_10013',
  },
  severityOptions: { critical: '10020', major: '10021', minor: '10022' },
} as const;

/** What every Jira site has, whatever the fixture: priorities, project roles and default groups. */
export function seedBuiltIns(store: JiraStore): void {
  ['Highest', 'High', 'Medium', 'Low', 'Lowest'].forEach((name, index) => {
    const id = String(index + 1);
    store.priorities.set(id, { id, name });
  });
  store.defaultPriorityId = '3';
  ['Administrators', 'Developers', 'Service Desk Team', 'Users'].forEach((role) => store.roles.add(role));
  ['jira-administrators', 'jira-software-users', 'site-admins'].forEach((group) => store.groups.add(group));
}

/**
 * SUP (service desk) and DEV (software) with Bug/Task/Story, To Do → In Progress → Done, alice (admin) and
 * bob (standard user), and custom fields; DEV bugs require Severity so createmeta has a required custom field.
 */
export function seedDefaultFixture(admin: JiraAdmin): void {
  const f = DEFAULT_FIXTURE;
  admin.addStatus({ id: f.statuses.toDo, name: 'To Do', category: 'new' });
  admin.addStatus({ id: f.statuses.inProgress, name: 'In Progress', category: 'indeterminate' });
  admin.addStatus({ id: f.statuses.done, name: 'Done', category: 'done' });
  admin.addIssueType({
    id: f.issueTypes.task,
    name: 'Task',
    description: 'A small, distinct piece of work.',
  });
  admin.addIssueType({
    id: f.issueTypes.story,
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
  });
  admin.addIssueType({ id: f.issueTypes.bug, name: 'Bug', description: 'A problem or error.' });
  admin.addCustomField({
    id: f.customFields.severity,
    name: 'Severity',
    kind: 'option',
    options: [
      { id: f.severityOptions.critical, value: 'Critical' },
      { id: f.severityOptions.major, value: 'Major' },
      { id: f.severityOptions.minor, value: 'Minor' },
    ],
  });
  admin.addCustomField({ id: f.customFields.customer, name: 'Customer', kind: 'string' });
  admin.addCustomField({ id: f.customFields.stepsToReproduce, name: 'Steps to Reproduce', kind: 'adf' });
  admin.addCustomField({ id: f.customFields.storyPoints, name: 'Story Points', kind: 'number' });
  admin.addUser({ ...f.users.alice, emailVisible: true, admin: true });
  admin.addUser({ ...f.users.bob, emailVisible: false });

  const transitions = [
    { id: f.transitions.startProgress, name: 'Start Progress', from: ['To Do'], to: 'In Progress' },
    { id: f.transitions.done, name: 'Done', from: ['To Do', 'In Progress'], to: 'Done' },
    { id: f.transitions.reopen, name: 'Reopen', from: ['Done'], to: 'To Do' },
    { id: f.transitions.stopProgress, name: 'Stop Progress', from: ['In Progress'], to: 'To Do' },
  ];
  const common = {
    issueTypes: ['Task', 'Story', 'Bug'],
    statuses: ['To Do', 'In Progress', 'Done'],
    initialStatus: 'To Do',
    transitions,
    lead: f.users.alice.accountId,
  };
  const { severity, customer, stepsToReproduce, storyPoints } = f.customFields;
  admin.addProject({
    ...common,
    ...f.projects.SUP,
    projectTypeKey: 'service_desk',
    description: 'Customer requests mirrored from the helpdesk.',
    screens: {
      Bug: [{ fieldId: severity }, { fieldId: customer }, { fieldId: stepsToReproduce }],
      Task: [{ fieldId: severity }, { fieldId: customer }],
      Story: [{ fieldId: customer }],
    },
  });
  admin.addProject({
    ...common,
    ...f.projects.DEV,
    projectTypeKey: 'software',
    description: 'Product development.',
    versions: [
      { id: f.versions.dev10, name: '1.0', released: true, releaseDate: '2026-01-15' },
      { id: f.versions.dev20, name: '2.0' },
    ],
    screens: {
      Bug: [{ fieldId: severity, required: true }, { fieldId: stepsToReproduce }, { fieldId: customer }],
      Task: [{ fieldId: severity }, { fieldId: customer }],
      Story: [{ fieldId: storyPoints }],
    },
  });
}
