// Writing to tickets: actions by action-type name, status by name within the ticket's type, type, product,
// versions, severity and custom fields, each read-before-write so an unchanged value costs no request.
import type { Ticket } from '../../../src/domain/ticket';
import { rejection, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
beforeEach(() => h.reset());
afterAll(() => h.close());

async function ticket(number: number): Promise<Ticket> {
  const read = await h.run((ts) => ts.getTicket(String(number)));
  if (!read) throw new Error(`no ticket ${number}`);
  return read;
}

const writes = () => h.apiRequests().filter((entry) => entry.method !== 'GET');

describe('createAction', () => {
  it('resolves the action type by name and posts wrapped string values', async () => {
    const target = h.org.ticket(2);
    h.ts.clearRequests();
    const created = await h.run((ts) =>
      ts.createAction(String(target.ticketId), {
        actionTypeName: 'comment',
        html: '<p><em>Comment added in Jira by Jane Doe</em></p><p>Fixed in build 512 &amp; shipped.</p>',
        visibleOnPortal: false,
      }),
    );
    const stored = h.org.actions(target.ticketId).find((action) => String(action.actionId) === created.id);
    expect(stored).toMatchObject({
      actionTypeId: h.org.actionType('Comment').id,
      systemActionTypeId: 0,
      isVisibleOnPortal: false,
      description:
        '<p><em>Comment added in Jira by Jane Doe</em></p><p>Fixed in build 512 &amp; shipped.</p>',
    });
    expect(created).toMatchObject({
      ticketId: String(target.ticketId),
      actionType: 'Comment',
      systemKind: 'custom',
      visibleOnPortal: false,
      html: '<p><em>Comment added in Jira by Jane Doe</em></p><p>Fixed in build 512 &amp; shipped.</p>',
    });
    const [post] = writes();
    expect(post?.url).toBe(`/api/json/tickets/${target.ticketId}/actions`);
    expect(JSON.parse(post?.requestBody ?? '')).toEqual({
      Action: {
        ActionTypeID: String(h.org.actionType('Comment').id),
        Description:
          '<p><em>Comment added in Jira by Jane Doe</em></p><p>Fixed in build 512 &amp; shipped.</p>',
        IsVisibleOnPortal: 'false',
      },
    });
  });

  it('creates a customer-visible action of another type', async () => {
    const target = h.org.ticket(1);
    const created = await h.run((ts) =>
      ts.createAction(String(target.ticketId), {
        actionTypeName: 'Jira Update',
        html: '<p>Status: Done</p>',
        visibleOnPortal: true,
      }),
    );
    expect(
      h.org.actions(target.ticketId).find((action) => String(action.actionId) === created.id),
    ).toMatchObject({
      actionType: 'Jira Update',
      isVisibleOnPortal: true,
    });
  });

  it('refuses an action type that does not exist, naming the ones that do, without posting', async () => {
    const target = h.org.ticket(1);
    h.ts.clearRequests();
    const error = await rejection(
      h.run((ts) =>
        ts.createAction(String(target.ticketId), {
          actionTypeName: 'Jira Comment',
          html: '<p>x</p>',
          visibleOnPortal: false,
        }),
      ),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(
        /no action type named "Jira Comment" \(available: "Comment", "Email", "Internal Note", "Jira Update"\)/,
      ) as unknown,
    });
    expect(writes()).toHaveLength(0);
  });

  it('reads the action types once for several actions', async () => {
    const target = h.org.ticket(1);
    h.ts.clearRequests();
    await h.run(async (ts) => {
      for (const text of ['one', 'two', 'three']) {
        await ts.createAction(String(target.ticketId), {
          actionTypeName: 'Comment',
          html: `<p>${text}</p>`,
          visibleOnPortal: false,
        });
      }
    });
    expect(h.apiRequests().filter((entry) => entry.url.endsWith('/properties/actiontypes'))).toHaveLength(1);
    expect(writes()).toHaveLength(3);
  });
});

describe('setStatus', () => {
  it('sets a status that exists only on the ticket type', async () => {
    const bug = await ticket(1);
    expect(await h.run((ts) => ts.setStatus(bug, 'needs repro'))).toBe('updated');
    expect(h.org.ticket(1)).toMatchObject({
      status: 'Needs Repro',
      ticketStatusId: h.org.ticketStatus('Bug', 'Needs Repro').id,
    });
    expect(JSON.parse(writes()[0]?.requestBody ?? '')).toEqual({
      Ticket: { TicketStatusID: String(h.org.ticketStatus('Bug', 'Needs Repro').id) },
    });
  });

  it("resolves a shared status name within the ticket's type", async () => {
    const question = await ticket(2);
    expect(await h.run((ts) => ts.setStatus(question, 'Closed'))).toBe('updated');
    const stored = h.org.ticket(2);
    expect(stored.ticketStatusId).toBe(h.org.ticketStatus('Question', 'Closed').id);
    expect(stored.ticketStatusId).not.toBe(h.org.ticketStatus('Bug', 'Closed').id);
    expect(stored.isClosed).toBe(true);
  });

  it('answers unknown-status for a status of another type, and unchanged without writing', async () => {
    const question = await ticket(2);
    h.ts.clearRequests();
    expect(await h.run((ts) => ts.setStatus(question, 'Needs Repro'))).toBe('unknown-status');
    expect(await h.run((ts) => ts.setStatus(question, 'Waiting on Customer'))).toBe('unchanged');
    expect(writes()).toHaveLength(0);
    expect(h.org.ticket(2).status).toBe('Waiting on Customer');
  });
});

describe('setTicketType', () => {
  it('changes the type by name, and does nothing for the current or an unknown type', async () => {
    const bug = await ticket(1);
    h.ts.clearRequests();
    expect(await h.run((ts) => ts.setTicketType(bug, 'Bug'))).toBe('unchanged');
    expect(await h.run((ts) => ts.setTicketType(bug, 'Incident'))).toBe('unknown-type');
    expect(writes()).toHaveLength(0);
    expect(await h.run((ts) => ts.setTicketType(bug, 'feature request'))).toBe('updated');
    expect(h.org.ticket(1).ticketType).toBe('Feature Request');
  });
});

describe('updateFields', () => {
  it('sets product, versions within that product, severity, name and a custom field in one PUT', async () => {
    const bug = await ticket(1);
    h.ts.clearRequests();
    await h.run((ts) =>
      ts.updateFields(bug, [
        { field: 'product', value: 'Gadget' },
        { field: 'reportedVersion', value: '5.1' },
        { field: 'solvedVersion', value: '5.1' },
        { field: 'severity', value: 'urgent' },
        { field: 'name', value: 'Export fails (Gadget)' },
        { field: 'jiraissuekey', value: 'PROJ-42' },
      ]),
    );
    const gadget = h.org.product('Gadget');
    const version = h.org.version(gadget.id, '5.1');
    expect(h.org.ticket(1)).toMatchObject({
      productId: gadget.id,
      reportedVersionId: version.id,
      solvedVersionId: version.id,
      name: 'Export fails (Gadget)',
      customFields: { JiraIssueKey: 'PROJ-42', CustomerImpact: 'Blocks month-end reporting' },
    });
    const updated = await ticket(1);
    expect(updated.severity).toBe('Urgent');
    expect(writes()).toHaveLength(1);
    expect(JSON.parse(writes()[0]?.requestBody ?? '')).toEqual({
      Ticket: {
        ProductID: String(gadget.id),
        ReportedVersionID: String(version.id),
        SolvedVersionID: String(version.id),
        TicketSeverityID: expect.stringMatching(/^\d+$/) as unknown,
        Name: 'Export fails (Gadget)',
        JiraIssueKey: 'PROJ-42',
      },
    });
  });

  it('writes nothing when the ticket already holds every value', async () => {
    const crash = await ticket(4);
    h.ts.clearRequests();
    await h.run((ts) =>
      ts.updateFields(crash, [
        { field: 'product', value: 'widget' },
        { field: 'reportedVersion', value: '1.0' },
        { field: 'solvedVersion', value: '2.0' },
        { field: 'severity', value: 'Urgent' },
        { field: 'JiraIssueKey', value: 'PROJ-7' },
        { field: 'CustomerImpact', value: 'high' },
      ]),
    );
    expect(writes()).toHaveLength(0);
  });

  it('clears fields with null', async () => {
    const crash = await ticket(4);
    await h.run((ts) =>
      ts.updateFields(crash, [
        { field: 'solvedVersion', value: null },
        { field: 'JiraIssueKey', value: null },
      ]),
    );
    expect(h.org.ticket(4)).toMatchObject({ solvedVersionId: null, customFields: { JiraIssueKey: null } });
  });

  it.each([
    [[{ field: 'product', value: 'Gizmo' }], /no product named "Gizmo" \(products: .*"Widget"/],
    [[{ field: 'reportedVersion', value: '9.9' }], /has no version "9\.9" \(versions: "1\.0", "2\.0"\)/],
    [
      [
        { field: 'product', value: 'Gadget' },
        { field: 'reportedVersion', value: '2.0' },
      ],
      /has no version "2\.0" \(versions: "5\.1"\)/,
    ],
    [[{ field: 'severity', value: 'Blocker' }], /no severity named "Blocker"/],
    [
      [{ field: 'CustomerImpact', value: 'x' }],
      /Ticket type "Question" has no custom field with the API name "CustomerImpact"/,
    ],
  ])('refuses %j before writing anything', async (changes, message) => {
    const target = await ticket(changes[0]?.field === 'CustomerImpact' ? 2 : 1);
    h.ts.clearRequests();
    const error = await rejection(h.run((ts) => ts.updateFields(target, changes)));
    expect(error).toMatchObject({ kind: 'validation', message: expect.stringMatching(message) as unknown });
    expect(writes()).toHaveLength(0);
  });

  it('refuses a version on a ticket without a product', async () => {
    const created = h.org.createTicket({ name: 'No product', ticketType: 'Bug' });
    const target = await ticket(created.ticketNumber);
    const error = await rejection(
      h.run((ts) => ts.updateFields(target, [{ field: 'reportedVersion', value: '1.0' }])),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/has no product/) as unknown,
    });
  });
});
