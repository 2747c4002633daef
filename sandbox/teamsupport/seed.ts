// The data an emulator starts with. 'default': one org set up the way the app's tests and `npm start` expect;
// 'empty': no organisation at all (create them through the admin surface).
import type { SandboxAdmin } from './admin/sandbox-admin';
import type { SeedName } from './admin/schemas';
import { SYSTEM_ACTION_TYPE, SYSTEM_USER } from './model';

export const DEFAULT_ORG = {
  organizationId: '1100001',
  apiToken: '7d1c5e2a-4b3f-4c8e-9a6d-2f0e8b1c3a5d',
  name: 'Acme Software',
  timeZone: 'America/Chicago',
} as const;

const HOUR_MS = 60 * 60 * 1000;

export function seedEmulator(admin: SandboxAdmin, seed: SeedName): void {
  if (seed === 'empty') return;
  const org = admin.createOrg({ ...DEFAULT_ORG, culture: 'en-US' });
  const now = admin.clock.now().getTime();
  const ago = (hours: number): Date => new Date(now - hours * HOUR_MS);

  const common = [{ name: 'New' }, { name: 'In Progress' }, { name: 'Waiting on Customer' }];
  // Per-type extras: "Needs Repro" exists only on Bug, "Answered" only on Question, "Under Review" only on
  // Feature Request, so a status name must be resolved within the ticket's type.
  org.addTicketType({
    name: 'Bug',
    statuses: [...common, { name: 'Needs Repro' }, { name: 'Closed', isClosed: true }],
  });
  org.addTicketType({
    name: 'Question',
    statuses: [...common, { name: 'Answered', isClosed: true }, { name: 'Closed', isClosed: true }],
  });
  org.addTicketType({
    name: 'Feature Request',
    statuses: [
      ...common,
      { name: 'Under Review' },
      { name: 'Planned' },
      { name: 'Closed', isClosed: true },
      { name: 'Declined', isClosed: true },
    ],
  });
  for (const name of ['Low', 'Medium', 'High', 'Urgent']) org.addSeverity({ name });
  org.addActionType({ name: 'Comment' });
  org.addActionType({ name: 'Email' });
  org.addActionType({ name: 'Internal Note' });
  org.addActionType({ name: 'Jira Update' });
  org.addVersionStatus('Alpha');
  org.addVersionStatus('Beta');
  org.addVersionStatus('Released', { isShipping: true });
  org.addProduct({ name: 'Widget' });
  org.addVersion({ product: 'Widget', versionNumber: '1.0', status: 'Released', isReleased: true });
  org.addVersion({ product: 'Widget', versionNumber: '2.0', status: 'Released', isReleased: true });
  org.addProduct({ name: 'Gadget' });
  org.addVersion({ product: 'Gadget', versionNumber: '5.1', status: 'Beta' });
  org.addGroup({ name: 'Support' });
  org.addGroup({ name: 'Engineering' });
  org.addUser({ firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@acme.example', group: 'Support' });
  org.addUser({ firstName: 'Sam', lastName: 'Roe', email: 'sam.roe@acme.example', group: 'Engineering' });
  org.addCustomField({ name: 'Jira Issue Key', ticketTypes: 'all' });
  org.addCustomField({ name: 'Customer Impact', ticketTypes: ['Bug'] });
  org.addCustomer({ name: 'Globex Corporation' });
  org.addCustomer({ name: 'Initech' });
  org.addContact({
    customer: 'Globex Corporation',
    firstName: 'Hank',
    lastName: 'Scorpio',
    email: 'hank@globex.example',
  });
  org.addContact({
    customer: 'Initech',
    firstName: 'Peter',
    lastName: 'Gibbons',
    email: 'peter@initech.example',
  });

  const exportBug = org.createTicket({
    name: 'Export fails for large files',
    ticketType: 'Bug',
    status: 'New',
    severity: 'High',
    assignee: 'Jane Doe',
    group: 'Support',
    product: 'Widget',
    reportedVersion: '2.0',
    description: '<p>Exporting a 2 GB project stops at 99%.</p>',
    creator: 'Jane Doe',
    isVisibleOnPortal: true,
    customers: ['Globex Corporation'],
    contacts: ['Hank Scorpio'],
    customFields: { CustomerImpact: 'Blocks month-end reporting' },
    dateCreated: ago(72),
  });
  org.addAction(exportBug.ticketId, {
    systemActionTypeId: SYSTEM_ACTION_TYPE.email,
    description: '<p>It happens with every file over 2 GB. Screenshot attached.</p>',
    creator: 'Hank Scorpio',
    isVisibleOnPortal: true,
    dateCreated: ago(70),
  });
  org.addAction(exportBug.ticketId, {
    actionType: 'Comment',
    description: "<p>Thanks Hank, we're looking into it.</p>",
    creator: 'Jane Doe',
    isVisibleOnPortal: true,
    timeSpent: 5,
    dateCreated: ago(69),
  });

  const passwordQuestion = org.createTicket({
    name: 'How do I reset my password?',
    ticketType: 'Question',
    status: 'Waiting on Customer',
    severity: 'Low',
    assignee: 'Sam Roe',
    product: 'Gadget',
    description: '<p>I forgot my password and the reset e-mail never arrives.</p>',
    source: 'Email',
    isVisibleOnPortal: true,
    customers: ['Initech'],
    contacts: ['Peter Gibbons'],
    dateCreated: ago(48),
  });
  org.addAction(passwordQuestion.ticketId, {
    systemActionTypeId: SYSTEM_ACTION_TYPE.email,
    description: '<p>Any update? I still cannot log in.</p>',
    creator: SYSTEM_USER.unknown,
    isVisibleOnPortal: true,
    dateCreated: ago(30),
  });
  org.addAction(passwordQuestion.ticketId, {
    actionType: 'Comment',
    description: '<p>Please check your spam folder and tell us what you find.</p>',
    creator: 'Sam Roe',
    isVisibleOnPortal: true,
    dateCreated: ago(26),
  });

  org.createTicket({
    name: 'Add dark mode',
    ticketType: 'Feature Request',
    status: 'Under Review',
    severity: 'Medium',
    product: 'Widget',
    description: '<p>Our night shift would love a dark theme.</p>',
    source: 'Web',
    isVisibleOnPortal: true,
    customers: ['Globex Corporation'],
    contacts: ['Hank Scorpio'],
    dateCreated: ago(24),
  });

  const crash = org.createTicket({
    name: 'Crash on startup',
    ticketType: 'Bug',
    status: 'In Progress',
    severity: 'Urgent',
    assignee: 'Jane Doe',
    product: 'Widget',
    reportedVersion: '1.0',
    description: '<p>The app crashes right after the splash screen.</p>',
    creator: 'Jane Doe',
    customers: ['Initech'],
    contacts: ['Peter Gibbons'],
    customFields: { JiraIssueKey: 'PROJ-7', CustomerImpact: 'High' },
    dateCreated: ago(120),
  });
  org.addAction(crash.ticketId, {
    actionType: 'Internal Note',
    description: '<p>Reproduced on 1.0; fixed in 2.0.</p>',
    creator: 'Sam Roe',
    dateCreated: ago(100),
  });
  org.updateTicket(crash.ticketId, { solvedVersion: '2.0', actor: 'Jane Doe' });
  org.setStatus(crash.ticketId, 'Closed', 'Jane Doe');
}
