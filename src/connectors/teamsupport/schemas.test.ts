// Reading TeamSupport's answers into domain tickets, pages and actions, with errors that name what was malformed.
import { IntegrationError } from '../../lib/errors';
import { toTicket, toTicketAction } from './mapping';
import { lookupSchemas, orgSchemas, parseWire } from './schemas';
import { normaliseList } from './wire-lists';
import { readWireText, unescapeXml } from './wire-text';

const schemas = orgSchemas('America/Chicago');

/** The recording of docs/teamsupport-api.md §16.1, verbatim, plus the newer fields (§5 there). */
const FIXTURE_TICKET = {
  TicketID: '745895',
  ProductName: 'Google Analytics',
  ReportedVersion: null,
  SolvedVersion: null,
  GroupName: 'Support (Default)',
  TicketTypeName: 'Bug',
  UserName: 'John Doe',
  Status: 'Closed',
  StatusPosition: '10',
  SeverityPosition: '1',
  IsClosed: 'True',
  Severity: 'Severity 1',
  TicketNumber: '80920001',
  IsVisibleOnPortal: 'False',
  IsKnowledgeBase: 'False',
  ReportedVersionID: null,
  SolvedVersionID: null,
  ProductID: '42923',
  GroupID: '50842',
  UserID: '7419652',
  TicketStatusID: '735122',
  TicketTypeID: '87953',
  TicketSeverityID: '86432',
  OrganizationID: '243188',
  Name: 'Test Ticket',
  ParentID: null,
  ModifierID: '1159332',
  CreatorID: '1159332',
  DateModified: '7/30/2015 1:23 PM',
  DateCreated: '5/10/2015 5:12 PM',
  DateClosed: '7/30/2015 1:53 PM',
  CloserID: '1159332',
  DaysClosed: '108',
  DaysOpened: '112',
  CloserName: 'Jon Beilke',
  CreatorName: 'Jon Beilke',
  ModifierName: 'Jon Beilke',
  HoursSpent: '0.083333',
  SlaViolationTime: null,
  SlaWarningTime: null,
  SlaViolationHours: '0.000000',
  SlaWarningHours: '0.000000',
  KnowledgeBaseCategoryID: null,
  KnowledgeBaseCategoryName: null,
  DueDate: null,
  TicketSource: 'Agent',
  CustomField1: '1111',
  CustomField2: '2222',
};

/** docs/teamsupport-api.md §16.2, first item verbatim (list form: `ID`). */
const FIXTURE_ACTION = {
  ID: '52395703',
  ActionTypeID: '26924',
  SystemActionTypeID: '0',
  Name: null,
  Description:
    '&lt;p&gt;Good morning,&lt;/p&gt;\n&lt;p&gt;&amp;nbsp;&lt;/p&gt;\n&lt;p&gt;We&apos;ll be pleased to investigate this.&lt;/p&gt;',
  TimeSpent: '5',
  DateStarted: '5/10/2015 5:30 PM',
  IsVisibleOnPortal: 'True',
  IsKnowledgeBase: 'False',
  DateCreated: '5/10/2015 5:30 PM',
  DateModified: '5/10/2015 5:30 PM',
  ModifierID: '1159332',
  CreatorID: '1159332',
  TicketID: '745895',
  CreatorName: 'Jon Beilke',
  ModifierName: 'Jon Beilke',
  ActionType: 'Comment',
  TicketNumber: '80920001',
};

function listItem(ticket: Record<string, unknown>): Record<string, unknown> {
  const { TicketID, ...rest } = ticket;
  return { ID: TicketID, ...rest };
}

function malformedMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof IntegrationError && error.kind === 'malformed') return error.message;
    throw error;
  }
  throw new Error('expected a malformed-response error');
}

describe('ticket schema', () => {
  it('reads the recorded single ticket into a domain ticket', () => {
    const { item } = parseWire(
      schemas.ticket,
      { Ticket: FIXTURE_TICKET },
      { what: 'a ticket', root: 'Ticket' },
    );
    expect(toTicket(item)).toEqual({
      id: '745895',
      number: '80920001',
      name: 'Test Ticket',
      status: 'Closed',
      statusId: '735122',
      isClosed: true,
      ticketType: 'Bug',
      ticketTypeId: '87953',
      severity: 'Severity 1',
      product: 'Google Analytics',
      productId: '42923',
      reportedVersion: null,
      reportedVersionId: null,
      solvedVersion: null,
      solvedVersionId: null,
      assignee: 'John Doe',
      customers: [],
      customFields: { CustomField1: '1111', CustomField2: '2222' },
      dateCreated: new Date('2015-05-10T22:12:00.000Z'),
      dateModified: new Date('2015-07-30T18:23:00.000Z'),
    });
  });

  it.each([
    [
      'an array',
      {
        Customer: [
          { CustomerID: '1', CustomerName: 'Globex' },
          { CustomerID: '2', CustomerName: 'Initech' },
        ],
      },
      ['Globex', 'Initech'],
    ],
    ['one object', { Customer: { CustomerID: '1', CustomerName: 'AT&amp;T' } }, ['AT&T']],
    ['a bare array', [{ CustomerID: '1', CustomerName: 'Globex' }], ['Globex']],
    ['null', null, []],
  ])('reads Customers given as %s', (_shape, customers, expected) => {
    const { item } = parseWire(
      schemas.ticket,
      { Ticket: { ...FIXTURE_TICKET, Customers: customers, Contacts: null, Tags: { Tag: { Value: 'x' } } } },
      { what: 'a ticket', root: 'Ticket' },
    );
    expect(item.Customers).toEqual(expected);
    // Nested lists are not custom fields.
    expect(Object.keys(item.CustomFields)).toEqual(['CustomField1', 'CustomField2']);
  });

  it('keeps null custom fields (the field exists on the type but is empty)', () => {
    const { item } = parseWire(
      schemas.ticket,
      { Ticket: { ...FIXTURE_TICKET, JiraIssueKey: null, JiraKey: 'PROJ-1' } },
      { what: 'a ticket', root: 'Ticket' },
    );
    expect(item.CustomFields).toEqual({ CustomField1: '1111', CustomField2: '2222', JiraIssueKey: null });
    expect(item.JiraKey).toBe('PROJ-1');
  });

  it('unescapes names the server escaped', () => {
    const { item } = parseWire(
      schemas.ticket,
      { Ticket: { ...FIXTURE_TICKET, Name: 'Tom&apos;s &lt;b&gt; &amp; co', JiraIssueKey: 'A&amp;B' } },
      { what: 'a ticket', root: 'Ticket' },
    );
    expect(item.Name).toBe("Tom's <b> & co");
    expect(item.CustomFields['JiraIssueKey']).toBe('A&B');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a bad date',
      { DateModified: 'yesterday' },
      /Ticket\.DateModified: expected a date .*7\/30\/2015 1:23 PM.*"yesterday"/,
    ],
    [
      'a missing number',
      { TicketNumber: undefined },
      /Ticket\.TicketNumber: expected a numeric id, got nothing/,
    ],
    ['a null status id', { TicketStatusID: null }, /Ticket\.TicketStatusID: expected a numeric id, got null/],
    ['a non-boolean', { IsClosed: 'Yes' }, /Ticket\.IsClosed: expected "True" or "False", got "Yes"/],
    ['no id at all', { TicketID: null }, /Ticket\.TicketID: missing: neither TicketID nor ID/],
    ['an object as name', { Name: { a: 1 } }, /Ticket\.Name: expected text, got an object/],
  ])('names the field for %s', (_case, patch, pattern) => {
    const message = malformedMessage(() =>
      parseWire(
        schemas.ticket,
        { Ticket: { ...FIXTURE_TICKET, ...patch } },
        { what: 'ticket 745895', root: 'Ticket' },
      ),
    );
    expect(message).toMatch(/^TeamSupport sent ticket 745895 the app cannot read: /);
    expect(message).toMatch(pattern);
  });

  it('reports a body without the root key', () => {
    expect(
      malformedMessage(() => parseWire(schemas.ticket, { Error: 'x' }, { what: 'a ticket', root: 'Ticket' })),
    ).toMatch(/: Ticket: missing: expected the "Ticket" object\.$/);
  });
});

describe('ticket page schema', () => {
  const parse = (body: unknown) => parseWire(schemas.ticketPage, body, { what: 'a page', root: 'Tickets' });

  it.each<[string, unknown, string[], number | null]>([
    [
      'a normal page',
      {
        Tickets: [listItem(FIXTURE_TICKET), { ...listItem(FIXTURE_TICKET), ID: '745896' }],
        TotalRecords: '164',
      },
      ['745895', '745896'],
      164,
    ],
    [
      'a one-item page (bare object)',
      { Tickets: listItem(FIXTURE_TICKET), TotalRecords: '1' },
      ['745895'],
      1,
    ],
    ['an empty page (counters only)', { Tickets: { RecordsReturned: '0', TotalRecords: '0' } }, [], 0],
    ['an empty page (null)', { Tickets: null, TotalRecords: '0' }, [], 0],
    [
      'an XML-style page',
      { Tickets: { Ticket: [listItem(FIXTURE_TICKET)], TotalRecords: '7' } },
      ['745895'],
      7,
    ],
    ['a page without counters', { Tickets: [listItem(FIXTURE_TICKET)] }, ['745895'], null],
  ])('reads %s', (_shape, body, ids, total) => {
    const page = parse(body);
    expect(page.items.map((ticket) => ticket.TicketID)).toEqual(ids);
    expect(page.totalRecords).toBe(total);
  });

  it('names the item and field of a malformed list entry', () => {
    const body = {
      Tickets: [listItem(FIXTURE_TICKET), { ...listItem(FIXTURE_TICKET), DateCreated: '99/99/2015' }],
      TotalRecords: '2',
    };
    expect(malformedMessage(() => parse(body))).toMatch(/Tickets\[1\]\.DateCreated: expected a date/);
  });

  it('reports a missing list', () => {
    expect(malformedMessage(() => parse({ Error: 'oops' }))).toMatch(
      /Tickets: missing: expected the "Tickets" list/,
    );
  });

  it('reports a bad TotalRecords', () => {
    expect(malformedMessage(() => parse({ Tickets: [], TotalRecords: 'many' }))).toMatch(
      /TotalRecords: expected a whole number, got "many"/,
    );
  });
});

describe('action schema', () => {
  it('reads the recorded list item, unescaping its HTML', () => {
    const { items } = parseWire(
      schemas.actions,
      { Actions: [FIXTURE_ACTION] },
      { what: 'actions', root: 'Actions' },
    );
    expect(items.map((action) => toTicketAction(action, '1'))).toEqual([
      {
        id: '52395703',
        ticketId: '745895',
        actionType: 'Comment',
        systemKind: 'custom',
        html: "<p>Good morning,</p>\n<p>&nbsp;</p>\n<p>We'll be pleased to investigate this.</p>",
        visibleOnPortal: true,
        creatorName: 'Jon Beilke',
        dateCreated: new Date('2015-05-10T22:30:00.000Z'),
      },
    ]);
  });

  it('reads system actions without a type, and the single-object form with ActionID', () => {
    const { ID, ...rest } = FIXTURE_ACTION;
    const email = {
      ...rest,
      ActionID: ID,
      ActionTypeID: null,
      SystemActionTypeID: '3',
      CreatorID: '-1',
      ActionType: null,
      Description: '<p>raw &amp; real</p>',
    };
    const { item } = parseWire(schemas.action, { Action: email }, { what: 'an action', root: 'Action' });
    expect(toTicketAction(item, '745895')).toMatchObject({
      id: '52395703',
      actionType: null,
      systemKind: 'email',
      html: '<p>raw &amp; real</p>',
    });
  });

  it.each<[string, unknown, number]>([
    ['one object', { Actions: FIXTURE_ACTION }, 1],
    ['null', { Actions: null }, 0],
    ['an empty array', { Actions: [] }, 0],
  ])('reads a list given as %s', (_shape, body, count) => {
    expect(parseWire(schemas.actions, body, { what: 'actions', root: 'Actions' }).items).toHaveLength(count);
  });
});

describe('lookup schemas', () => {
  it('reads statuses per type with IsClosed', () => {
    const body = {
      TicketStatuses: [
        { ID: '735100', Name: 'New', TicketTypeID: '87950', IsClosed: 'False', Position: '1' },
        { ID: '735104', Name: 'Closed', TicketTypeID: '87950', IsClosed: 'True', Position: '5' },
      ],
    };
    const { items } = parseWire(lookupSchemas.ticketStatuses, body, {
      what: 'statuses',
      root: 'TicketStatuses',
    });
    expect(items).toEqual([
      { TicketStatusID: '735100', Name: 'New', TicketTypeID: '87950', IsClosed: false, Position: 1 },
      { TicketStatusID: '735104', Name: 'Closed', TicketTypeID: '87950', IsClosed: true, Position: 5 },
    ]);
  });

  it('accepts the real id label as well as ID', () => {
    const body = {
      ActionTypes: [
        { ActionTypeID: '26920', Name: 'Comment' },
        { ID: '26921', Name: 'Email' },
      ],
    };
    const { items } = parseWire(lookupSchemas.actionTypes, body, {
      what: 'action types',
      root: 'ActionTypes',
    });
    expect(items.map((item) => [item.id, item.Name])).toEqual([
      ['26920', 'Comment'],
      ['26921', 'Email'],
    ]);
  });

  it('reads versions and users', () => {
    const versions = parseWire(
      lookupSchemas.versions,
      { Versions: { ID: '12340', VersionNumber: '1.0', ProductID: '42920' } },
      { what: 'versions', root: 'Versions' },
    );
    expect(versions.items).toEqual([{ ProductVersionID: '12340', VersionNumber: '1.0', ProductID: '42920' }]);
    const users = parseWire(
      lookupSchemas.users,
      { Users: [{ ID: '1', FirstName: 'Jane', LastName: 'Doe', Email: 'j@x', IsActive: 'True' }] },
      { what: 'users', root: 'Users' },
    );
    expect(users.items[0]).toMatchObject({ UserID: '1', FirstName: 'Jane', IsActive: true });
  });
});

describe('normaliseList', () => {
  it.each<[string, unknown, string | undefined, unknown[]]>([
    ['null', null, undefined, []],
    ['undefined', undefined, undefined, []],
    ['an array', [{ a: 1 }], undefined, [{ a: 1 }]],
    ['one object', { a: 1 }, undefined, [{ a: 1 }]],
    ['counters only', { RecordsReturned: '0', TotalRecords: '0' }, undefined, []],
    ['an empty object', {}, undefined, []],
    [
      'an XML element holding an array',
      { Tag: [{ Value: 'x' }, { Value: 'y' }] },
      'Tag',
      [{ Value: 'x' }, { Value: 'y' }],
    ],
    ['an XML element holding one object', { Tag: { Value: 'x' } }, 'Tag', [{ Value: 'x' }]],
    ['an XML element holding null', { Tag: null }, 'Tag', []],
    ['an XML element next to counters', { Ticket: [{ a: 1 }], TotalRecords: '1' }, 'Ticket', [{ a: 1 }]],
    ['a scalar', 'oops', undefined, ['oops']],
  ])('%s', (_case, value, element, expected) => {
    expect(normaliseList(value, element)).toEqual(expected);
  });
});

describe('wire text', () => {
  it.each([
    ['&lt;p&gt;a &amp;amp; b&lt;/p&gt;', '<p>a &amp; b</p>'],
    ['&lt;p&gt;&amp;nbsp;&lt;/p&gt;', '<p>&nbsp;</p>'],
    ['<p>a &amp; b</p>', '<p>a &amp; b</p>'],
    ['We&apos;ll &quot;see&quot;', 'We\'ll "see"'],
    ['AT&amp;T', 'AT&T'],
    ['plain', 'plain'],
    ['&#39; stays', '&#39; stays'],
  ])('%j → %j', (text, expected) => {
    expect(readWireText(text)).toBe(expected);
  });

  it('unescapes exactly one round', () => {
    expect(unescapeXml('&amp;lt;')).toBe('&lt;');
  });
});
