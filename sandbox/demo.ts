// Demo data for the sandbox: one configured TeamSupport instance ("Acme Support"), one Brevo account ("Acme CRM",
// each demo project mapped to its list on the Brevo emulator), two Jira projects with a dozen issues reported by
// alice (whose e-mail address Jira shows, so her Brevo contact receives their events), tickets with customer actions
// on the TeamSupport emulator's two products, three links, and one ticket that asks for escalation. Everything goes
// through the same ports the app uses.
import { z } from 'zod';
import { DEFAULT_ACCOUNT, type BrevoEmulator, type BrevoEmulatorOptions } from './brevo';
import { DEFAULT_FIXTURE, type JiraEmulator } from './jira';
import type { Sandbox } from './runtime/sandbox';
import { DEFAULT_ORG, SYSTEM_ACTION_TYPE, type TeamSupportEmulator } from './teamsupport';
import type { Tour } from './web/console/overview-page';

export const DEMO_CORRELATION_FIELD = 'JiraIssueKey';

export const DEMO_BREVO_ACCOUNT = 'Acme CRM';

/** The SUP version the walkthrough releases: it fixes SUP-1 and SUP-2, whose tickets #5 and #7 wait for it. */
export const DEMO_RELEASE = '2.1';

/**
 * The Brevo emulator's seed for the demo: the default account (DEFAULT_ACCOUNT, with the lists "Jira SUP customers"
 * and "Jira DEV customers") with the attributes the app maps by default already there, so they land on contacts.
 */
export const DEMO_BREVO_SEED = {
  seed: 'default',
  appAttributes: true,
} as const satisfies BrevoEmulatorOptions;

/** The demo project → the Brevo list its issues' contacts join. */
const BREVO_PROJECT_LISTS = [
  { projectKey: 'SUP', list: 'Jira SUP customers' },
  { projectKey: 'DEV', list: 'Jira DEV customers' },
] as const;

const linkedOk = z.object({ ok: z.literal(true) });
const savedInstance = z.object({
  ok: z.literal(true),
  data: z.object({ instance: z.object({ id: z.string() }) }),
});

/**
 * Saves an instance or a Brevo account the way the admin page does: through the admin page's `saveInstance`
 * resolver, as alice (a Jira admin), so the demo goes through the same checks a user's settings do. Answers its id.
 */
async function saveAsAdmin(sandbox: Sandbox, instance: Record<string, unknown>): Promise<string> {
  const result = await sandbox.invokeResolver({
    moduleKey: 'sync-admin',
    functionKey: 'saveInstance',
    payload: { instance },
    accountId: DEFAULT_FIXTURE.users.alice.accountId,
  });
  const saved = savedInstance.safeParse(result);
  if (!saved.success) throw new Error(`demo settings rejected: ${JSON.stringify(result)}`);
  return saved.data.data.instance.id;
}

const ISSUES: { project: 'SUP' | 'DEV'; type: 'Task' | 'Bug'; summary: string }[] = [
  { project: 'SUP', type: 'Task', summary: 'Export fails for files over 2 GB' },
  { project: 'DEV', type: 'Bug', summary: 'Login page shows a blank screen on Safari' },
  { project: 'SUP', type: 'Task', summary: 'Invoice PDF has the wrong currency symbol' },
  { project: 'DEV', type: 'Bug', summary: 'Search ignores accented characters' },
  { project: 'SUP', type: 'Task', summary: 'Dashboard loads slowly for large teams' },
  { project: 'DEV', type: 'Task', summary: 'Password reset e-mail never arrives' },
  { project: 'SUP', type: 'Task', summary: 'Customer asks for SSO with Okta' },
  { project: 'DEV', type: 'Bug', summary: 'CSV import drops the last row' },
  { project: 'SUP', type: 'Bug', summary: 'Time zone shown as UTC in reports' },
  { project: 'DEV', type: 'Task', summary: 'Upgrade the PDF renderer' },
  { project: 'SUP', type: 'Task', summary: 'Mobile app logs out after an hour' },
  { project: 'DEV', type: 'Bug', summary: 'Webhook retries flood the audit log' },
];

/** Tickets linked to the first three issues: the customer's report and a first reply from support. */
const LINKED_TICKETS = [
  {
    name: 'Customer cannot export large reports',
    product: 'Widget',
    version: '2.0',
    customer: 'Globex Corporation',
    contact: 'Hank Scorpio',
    report: 'Every export over 2 GB stops at 99%. Month-end reporting is blocked.',
  },
  {
    name: 'Safari users see an empty login page',
    product: 'Gadget',
    version: '5.1',
    customer: 'Initech',
    contact: 'Peter Gibbons',
    report: 'Since this morning our Mac users cannot log in with Safari.',
  },
  {
    name: 'Invoices show $ instead of €',
    product: 'Widget',
    version: '1.0',
    customer: 'Globex Corporation',
    contact: 'Hank Scorpio',
    report: 'Our EU invoices carry the wrong currency symbol.',
  },
];

/**
 * Saves the demo's Brevo account in the app's configuration, as the admin page would: the emulator's default
 * account's API key, active, every project, the default events and attribute mappings, and SUP / DEV mapped to the
 * emulator's lists of the same names. Answers the e-mail address of the contact the demo issues' events go to.
 */
export async function seedBrevoDemo(sandbox: Sandbox, brevo: BrevoEmulator): Promise<string> {
  const account = brevo.account(DEFAULT_ACCOUNT.apiKey);
  await saveAsAdmin(sandbox, {
    kind: 'brevo',
    name: DEMO_BREVO_ACCOUNT,
    apiKey: account.apiKey,
    active: true,
    projects: 'all',
    // Milestones too, so releasing the demo's version reaches the customer's timeline.
    events: { versionReleased: true, sprintClosed: true, teamCapacity: true },
    projectLists: BREVO_PROJECT_LISTS.map(({ projectKey, list }) => ({
      projectKey,
      listId: account.list(list).id,
    })),
  });
  return DEFAULT_FIXTURE.users.alice.emailAddress;
}

/**
 * Version 2.1 of SUP, not released yet, fixing the export (SUP-1, ticket #5) and the invoices (SUP-2, ticket #7), and
 * a running SUP sprint holding the first three SUP issues: releasing 2.1 or closing the sprint in the console's Jira
 * view shows the milestone flows.
 */
function seedMilestones(jira: JiraEmulator, issues: ReadonlyArray<{ id: string; key: string }>): void {
  const { alice } = DEFAULT_FIXTURE.users;
  const sup = issues.filter((_, i) => ISSUES[i]?.project === 'SUP');
  const [exportIssue, invoiceIssue] = sup;
  if (!exportIssue || !invoiceIssue) throw new Error('demo data incomplete');
  const release = jira.admin.createVersion('SUP', {
    name: DEMO_RELEASE,
    description: 'Large exports and EU invoices',
  });
  for (const issue of [exportIssue, invoiceIssue])
    jira.admin.setFixVersions(alice.accountId, issue.id, [release.id]);
  const sprint = jira.admin.createSprint({ name: 'SUP Sprint 12', goal: 'Unblock month-end reporting' });
  jira.admin.startSprint(sprint.id);
  jira.admin.addToSprint(
    sprint.id,
    sup.slice(0, 3).map((issue) => issue.key),
  );
}

export async function seedDemo(
  sandbox: Sandbox,
  jira: JiraEmulator,
  ts: TeamSupportEmulator,
  brevo: BrevoEmulator,
): Promise<Tour> {
  const { alice } = DEFAULT_FIXTURE.users;
  const instanceId = await saveAsAdmin(sandbox, {
    kind: 'teamsupport',
    name: 'Acme Support',
    baseUrl: ts.appUrl,
    organizationId: DEFAULT_ORG.organizationId,
    apiToken: DEFAULT_ORG.apiToken,
    timeZone: DEFAULT_ORG.timeZone,
    active: true,
    updateTicketStatus: true,
    defaultProjectKey: 'SUP',
    correlationField: DEMO_CORRELATION_FIELD,
    statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
    // A release tells the customer on the portal that the fix has shipped.
    releaseNoteVisibleOnPortal: true,
    projectMappings: [
      { product: 'Widget', projectKey: 'SUP' },
      { product: 'Gadget', projectKey: 'DEV' },
    ],
  });
  // Before the issues, so that their creation reaches alice's Brevo contact as it would on a configured site.
  const brevoContact = await seedBrevoDemo(sandbox, brevo);
  // DEV bugs require Severity (the emulator's fixture gives createmeta a required custom field).
  const severity = {
    [DEFAULT_FIXTURE.customFields.severity]: { id: DEFAULT_FIXTURE.severityOptions.major },
  };
  const issues = ISSUES.map(({ project, type, summary }) =>
    jira.admin.createIssue(alice.accountId, {
      project,
      issueType: type,
      summary,
      ...(project === 'DEV' && type === 'Bug' ? { fields: severity } : {}),
    }),
  );
  const org = ts.org();
  const linked: number[] = [];
  for (const [i, spec] of LINKED_TICKETS.entries()) {
    const issue = issues[i];
    if (!issue) continue;
    const ticket = org.createTicket({
      name: spec.name,
      ticketType: 'Bug',
      product: spec.product,
      reportedVersion: spec.version,
      description: `<p>${spec.report}</p>`,
      creator: 'Jane Doe',
      assignee: 'Jane Doe',
      customers: [spec.customer],
      contacts: [spec.contact],
      customFields: { [DEMO_CORRELATION_FIELD]: issue.key },
    });
    org.addAction(ticket.ticketId, {
      systemActionTypeId: SYSTEM_ACTION_TYPE.email,
      creator: spec.contact,
      isVisibleOnPortal: true,
      description: '<p>Any news? Our team is waiting on this.</p>',
    });
    org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      isVisibleOnPortal: true,
      description: '<p>Thanks, we have passed it to engineering.</p>',
    });
    // Linked the way a user links from the issue panel: the link, the Jira web link and a note on the ticket.
    const result = await sandbox.invokeResolver({
      moduleKey: 'linked-tickets-panel',
      functionKey: 'linkTicket',
      payload: { instanceId, ticket: String(ticket.ticketNumber) },
      accountId: alice.accountId,
      extension: {
        issue: { id: issue.id, key: issue.key, type: ISSUES[i]?.type ?? 'Task' },
        project: { key: ISSUES[i]?.project },
      },
    });
    if (!linkedOk.safeParse(result).success) throw new Error(`demo link refused: ${JSON.stringify(result)}`);
    linked.push(ticket.ticketNumber);
  }
  seedMilestones(jira, issues);
  org.createTicket({
    name: 'Please escalate: data loss after upgrade',
    ticketType: 'Bug',
    product: 'Widget',
    reportedVersion: '2.0',
    description: '<p>After upgrading to 2.0 some records are gone.</p>',
    creator: 'Sam Roe',
    customers: ['Initech'],
    contacts: ['Peter Gibbons'],
    customFields: { [DEMO_CORRELATION_FIELD]: 'NEW' },
  });
  const escalate = org.createTicket({
    name: 'Reports time out for accounts with 10,000 users',
    ticketType: 'Bug',
    product: 'Widget',
    reportedVersion: '2.0',
    description: '<p>Large accounts cannot open the usage report.</p>',
    creator: 'Jane Doe',
    customers: ['Globex Corporation'],
    contacts: ['Hank Scorpio'],
  });
  // Its history so far, which escalation brings to the new issue as comments (copyEarlierActions, on by default).
  org.addAction(escalate.ticketId, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: '<p>Reproduced with a copy of the customer data: the report query runs for 4 minutes.</p>',
  });
  org.addAction(escalate.ticketId, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: '<p>Smaller accounts (under 2,000 users) are not affected.</p>',
  });
  const [first] = issues;
  const [ticketNumber] = linked;
  if (!first || ticketNumber === undefined) throw new Error('demo data incomplete');
  return {
    issueKey: first.key,
    ticketNumber,
    escalateTicketNumber: escalate.ticketNumber,
    correlationField: DEMO_CORRELATION_FIELD,
    brevoContact,
  };
}
