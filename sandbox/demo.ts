// Demo data for the sandbox: one configured TeamSupport instance, a few Jira issues and tickets, some links, and one
// ticket asking for escalation, all through the same ports the app uses.
import { DEFAULT_FIXTURE, type JiraEmulator } from './jira';
import type { Sandbox } from './runtime/sandbox';
import { DEFAULT_ORG, type TeamSupportEmulator } from './teamsupport';
import { createStore } from '../src/store';

export interface DemoSummary {
  instanceId: string;
  issues: Array<{ id: string; key: string }>;
  linkedTickets: number[];
}

export async function seedDemo(
  sandbox: Sandbox,
  jira: JiraEmulator,
  ts: TeamSupportEmulator,
): Promise<DemoSummary> {
  const store = createStore();
  const { alice } = DEFAULT_FIXTURE.users;
  const saved = await sandbox.asInvocation(() =>
    store.config.saveInstance({
      kind: 'teamsupport',
      name: 'Acme Support',
      baseUrl: ts.baseUrl,
      organizationId: DEFAULT_ORG.organizationId,
      apiToken: DEFAULT_ORG.apiToken,
      timeZone: DEFAULT_ORG.timeZone,
      active: true,
      updateTicketStatus: true,
      defaultProjectKey: 'SUP',
      correlationField: 'JiraIssueKey',
      statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
      projectMappings: [{ product: 'Widget', projectKey: 'DEV' }],
    }),
  );
  if (!saved.ok) throw new Error(`demo instance rejected: ${JSON.stringify(saved)}`);
  const instanceId = saved.instance.id;
  const summaries = [
    'Export fails for files over 2 GB',
    'Login page shows a blank screen on Safari',
    'Invoice PDF has the wrong currency symbol',
    'Search ignores accented characters',
    'Dashboard loads slowly for large teams',
    'Password reset e-mail never arrives',
  ];
  const issues = summaries.map((summary, i) =>
    jira.admin.createIssue(alice.accountId, {
      project: i % 2 === 0 ? 'SUP' : 'DEV',
      issueType: 'Task',
      summary,
    }),
  );
  const org = ts.org();
  const linkedTickets: number[] = [];
  for (const [i, issue] of issues.slice(0, 3).entries()) {
    const ticket = org.createTicket({
      name:
        issue.key === issues[0]?.key ? 'Customer cannot export large reports' : `Customer report ${i + 1}`,
      ticketType: 'Bug',
      product: 'Widget',
      description: '<p>The customer describes the problem in detail.</p>',
      creator: 'Jane Doe',
      customers: ['Globex Corporation'],
      customFields: { JiraIssueKey: issue.key },
    });
    org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      isVisibleOnPortal: true,
      description: '<p>Thanks, we are looking into it.</p>',
    });
    await sandbox.asInvocation(() =>
      store.links.create({
        instanceId,
        issueId: issue.id,
        issueKey: issue.key,
        ticketId: String(ticket.ticketId),
        ticketNumber: String(ticket.ticketNumber),
      }),
    );
    linkedTickets.push(ticket.ticketId);
  }
  org.createTicket({
    name: 'Please escalate: data loss after upgrade',
    ticketType: 'Bug',
    product: 'Widget',
    description: '<p>After upgrading to 2.0 some records are gone.</p>',
    creator: 'Sam Roe',
    customers: ['Initech'],
    customFields: { JiraIssueKey: 'NEW' },
  });
  return { instanceId, issues, linkedTickets };
}
