// Validating a Brevo account's settings: defaults, normalisation and refusals with per-field messages.
import {
  toBrevoAccountView,
  toStoredBrevoAccount,
  validateBrevoAccountInput,
  type ValidBrevoAccountInput,
} from './brevo-account';
import { DEFAULT_ATTRIBUTE_MAPPINGS, EVENT_DEFAULTS, JQL_MAX_LENGTH } from './brevo-rules';
import type { ConfigIssue } from './issues';

/** `expect.stringMatching` is typed `any`; this keeps the matcher out of the `any` lint rules. */
function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

const KEY = 'xkeysib-0123456789abcdef-TESTKEY';

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'brevo', name: 'Brevo Marketing', apiKey: KEY, ...overrides };
}

const others = [
  { id: 'ts-1', name: 'Acme Support' },
  { id: 'brevo-1', name: 'Brevo EU' },
];

function valid(raw: unknown, options = {}): ValidBrevoAccountInput {
  const result = validateBrevoAccountInput(raw, others, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function issues(raw: unknown, options = {}): ConfigIssue[] {
  const result = validateBrevoAccountInput(raw, others, options);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.issues;
}

describe('validateBrevoAccountInput: defaults', () => {
  it('fills in the contract defaults for a minimal account', () => {
    expect(valid(input())).toEqual({
      kind: 'brevo',
      name: 'Brevo Marketing',
      apiKey: KEY,
      active: false,
      projects: 'all',
      issueTypes: 'all',
      jql: undefined,
      events: {
        issueCreated: true,
        issueUpdated: true,
        issueResolved: true,
        statusChanged: true,
        commentAdded: true,
        versionReleased: false,
        sprintClosed: false,
        teamCapacity: false,
      },
      contactRoles: ['reporter'],
      attributeMappings: [
        { source: 'accountId', attribute: 'JIRA_ACCOUNT_ID' },
        { source: 'displayName', attribute: 'FIRSTNAME' },
        { source: 'issueKey', attribute: 'LAST_TICKET_KEY' },
        { source: 'status', attribute: 'LAST_TICKET_STATUS' },
        { source: 'priority', attribute: 'LAST_TICKET_PRIORITY' },
        { source: 'created', attribute: 'LAST_TICKET_DATE' },
        { source: 'resolution', attribute: 'LAST_TICKET_RESOLUTION' },
      ],
      projectLists: [],
    });
  });

  it('fills in switches left out of events and keeps the ones sent', () => {
    expect(valid(input({ events: { teamCapacity: true, commentAdded: false } })).events).toEqual({
      ...EVENT_DEFAULTS,
      teamCapacity: true,
      commentAdded: false,
    });
  });

  it('does not share the default mappings between accounts', () => {
    const first = valid(input());
    first.attributeMappings.pop();
    expect(valid(input()).attributeMappings).toHaveLength(DEFAULT_ATTRIBUTE_MAPPINGS.length);
  });

  it('normalises what people type: trimmed, upper-cased keys and attribute names, blank JQL as none', () => {
    expect(
      valid(
        input({
          name: '  Brevo Marketing ',
          projects: ['sup', ' DEV'],
          jql: '   ',
          attributeMappings: [{ source: 'issueKey', attribute: ' last_ticket_key ' }],
          projectLists: [{ projectKey: 'sup', listId: 22 }],
        }),
      ),
    ).toMatchObject({
      name: 'Brevo Marketing',
      projects: ['SUP', 'DEV'],
      jql: undefined,
      attributeMappings: [{ source: 'issueKey', attribute: 'LAST_TICKET_KEY' }],
      projectLists: [{ projectKey: 'SUP', listId: 22 }],
    });
  });

  it('keeps a JQL filter as typed, trimmed', () => {
    expect(valid(input({ jql: ' labels = customer ' })).jql).toBe('labels = customer');
  });
});

describe('validateBrevoAccountInput: refusals', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a blank name', { name: '  ' }, 'name', /Enter a name/],
    ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name', /too long/],
    ['a TeamSupport instance’s name', { name: 'acme support' }, 'name', /already named.*across TeamSupport/],
    ['another Brevo account’s name', { name: 'BREVO EU' }, 'name', /already named/],
    ['an empty API key', { apiKey: '  ' }, 'apiKey', /empty/],
    ['an API key with a space inside', { apiKey: 'xkeysib-abc def' }, 'apiKey', /no spaces/],
    ['an API key that is not text', { apiKey: 42 }, 'apiKey', /must be text/],
    ['active that is not a switch', { active: 'yes' }, 'active', /true or false/],
    ['an empty project list', { projects: [] }, 'projects', /at least one project/],
    [
      'a project name instead of a key',
      { projects: ['Support Desk'] },
      'projects.0',
      /not a Jira project key/,
    ],
    ['a project listed twice', { projects: ['SUP', 'sup'] }, 'projects.1', /listed twice/],
    ['projects neither "all" nor a list', { projects: 'every' }, 'projects', /"all" or a list/],
    ['an empty issue type list', { issueTypes: [] }, 'issueTypes', /at least one issue type/],
    ['an issue type listed twice', { issueTypes: ['Bug', 'bug'] }, 'issueTypes.1', /listed twice/],
    ['JQL that is too long', { jql: `labels = ${'x'.repeat(JQL_MAX_LENGTH)}` }, 'jql', /too long/],
    ['JQL with ORDER BY', { jql: 'project = SUP order  by created DESC' }, 'jql', /Remove ORDER BY/],
    ['JQL that is not text', { jql: 7 }, 'jql', /must be text/],
    ['an unknown event', { events: { issueDeleted: true } }, 'events.issueDeleted', /Unknown property/],
    [
      'an event switch that is not a switch',
      { events: { issueCreated: 1 } },
      'events.issueCreated',
      /true or false/,
    ],
    ['no contact role', { contactRoles: [] }, 'contactRoles', /at least one role/],
    ['an unknown contact role', { contactRoles: ['watcher'] }, 'contactRoles.0', /reporter, assignee/],
    ['a contact role twice', { contactRoles: ['reporter', 'reporter'] }, 'contactRoles.1', /twice/],
    [
      'an attribute name with a space',
      { attributeMappings: [{ source: 'issueKey', attribute: 'LAST TICKET' }] },
      'attributeMappings.0.attribute',
      /not a Brevo attribute name/,
    ],
    [
      'an attribute name with a hyphen',
      { attributeMappings: [{ source: 'issueKey', attribute: 'LAST-TICKET' }] },
      'attributeMappings.0.attribute',
      /not a Brevo attribute name/,
    ],
    [
      'an attribute name starting with a digit',
      { attributeMappings: [{ source: 'issueKey', attribute: '1ST_TICKET' }] },
      'attributeMappings.0.attribute',
      /starting with a letter/,
    ],
    [
      'an attribute name with a non-ASCII letter',
      { attributeMappings: [{ source: 'status', attribute: 'STATUT_Ä' }] },
      'attributeMappings.0.attribute',
      /not a Brevo attribute name/,
    ],
    [
      'a blank attribute name',
      { attributeMappings: [{ source: 'issueKey', attribute: ' ' }] },
      'attributeMappings.0.attribute',
      /Enter a Brevo attribute name/,
    ],
    [
      'an attribute name over 50 characters',
      { attributeMappings: [{ source: 'issueKey', attribute: 'A'.repeat(51) }] },
      'attributeMappings.0.attribute',
      /too long/,
    ],
    [
      'EMAIL as an attribute',
      { attributeMappings: [{ source: 'displayName', attribute: 'email' }] },
      'attributeMappings.0.attribute',
      /identifies the contact/,
    ],
    [
      'an unknown source',
      { attributeMappings: [{ source: 'labels', attribute: 'JIRA_LABELS' }] },
      'attributeMappings.0.source',
      /Choose what fills the attribute/,
    ],
    [
      'one attribute filled by two rows',
      {
        attributeMappings: [
          { source: 'issueKey', attribute: 'LAST_TICKET_KEY' },
          { source: 'summary', attribute: 'last_ticket_key' },
        ],
      },
      'attributeMappings.1.attribute',
      /filled by two rows/,
    ],
    [
      'an extra column in a mapping row',
      { attributeMappings: [{ source: 'issueKey', attribute: 'KEY', type: 'text' }] },
      'attributeMappings.0.type',
      /Unknown property/,
    ],
    [
      'a list id of zero',
      { projectLists: [{ projectKey: 'SUP', listId: 0 }] },
      'projectLists.0.listId',
      /positive whole numbers/,
    ],
    [
      'a negative list id',
      { projectLists: [{ projectKey: 'SUP', listId: -3 }] },
      'projectLists.0.listId',
      /positive whole numbers/,
    ],
    [
      'a fractional list id',
      { projectLists: [{ projectKey: 'SUP', listId: 2.5 }] },
      'projectLists.0.listId',
      /whole number/,
    ],
    [
      'a list id sent as text',
      { projectLists: [{ projectKey: 'SUP', listId: '22' }] },
      'projectLists.0.listId',
      /Choose a Brevo list/,
    ],
    [
      'a project mapped to two lists',
      {
        projectLists: [
          { projectKey: 'SUP', listId: 22 },
          { projectKey: 'sup', listId: 23 },
        ],
      },
      'projectLists.1.projectKey',
      /mapped twice/,
    ],
    [
      'a list for a project outside the chosen projects',
      { projects: ['DEV'], projectLists: [{ projectKey: 'SUP', listId: 22 }] },
      'projectLists.0.projectKey',
      /not one of the projects/,
    ],
    ['an unknown property', { baseUrl: 'https://api.brevo.com' }, 'baseUrl', /Unknown property/],
  ])('refuses %s', (_name, overrides, path, message) => {
    expect(issues(input(overrides))).toEqual([{ path, message: matching(message) }]);
  });

  it('reports every problem in one round', () => {
    const found = issues(
      input({
        name: '',
        apiKey: undefined,
        projects: ['bad key'],
        jql: 'a order by b',
        projectLists: [{ projectKey: 'SUP', listId: -1 }],
      }),
    );
    expect(found.map((issue) => issue.path).sort()).toEqual(
      ['apiKey', 'jql', 'name', 'projectLists.0.listId', 'projects.0'].sort(),
    );
  });

  it('requires a key when creating', () => {
    expect(issues(input({ apiKey: undefined }))).toEqual([{ path: 'apiKey', message: matching(/required/) }]);
  });

  it('keeps the stored key on an update that sends none', () => {
    expect(
      valid(input({ id: 'brevo-1', name: 'Brevo EU', apiKey: undefined }), { keyRequired: false }),
    ).toMatchObject({ id: 'brevo-1', apiKey: undefined });
  });

  it('requires a key on an update when none is stored', () => {
    expect(issues(input({ id: 'brevo-1', apiKey: undefined }), { keyRequired: true })).toEqual([
      { path: 'apiKey', message: matching(/no key is stored/) },
    ]);
  });

  it('lets an account keep its own name', () => {
    expect(valid(input({ id: 'brevo-1', name: 'Brevo EU' })).name).toBe('Brevo EU');
  });

  it.each([
    ['a TeamSupport instance', { kind: 'teamsupport' }],
    ['no object', 'brevo'],
  ])('refuses %s', (_name, raw) => {
    expect(validateBrevoAccountInput(typeof raw === 'string' ? raw : input(raw), others).ok).toBe(false);
  });

  it('accepts every Jira source and a list for each chosen project', () => {
    const account = valid(
      input({
        projects: ['SUP', 'DEV'],
        issueTypes: ['Bug', 'Service Request'],
        contactRoles: ['reporter', 'assignee', 'requestParticipants'],
        attributeMappings: [
          { source: 'summary', attribute: 'LAST_TICKET_SUMMARY' },
          { source: 'projectKey', attribute: 'LAST_TICKET_PROJECT' },
          { source: 'issueType', attribute: 'LAST_TICKET_TYPE' },
          { source: 'issueKey', attribute: 'JIRA_KEY_2' },
        ],
        projectLists: [
          { projectKey: 'SUP', listId: 22 },
          { projectKey: 'DEV', listId: 23 },
        ],
      }),
    );
    expect(account.projectLists).toEqual([
      { projectKey: 'SUP', listId: 22 },
      { projectKey: 'DEV', listId: 23 },
    ]);
  });
});

describe('toStoredBrevoAccount / toBrevoAccountView', () => {
  it('leaves the key behind, keeps createdAt on update and shows only whether a key is stored', () => {
    const created = toStoredBrevoAccount(valid(input({ jql: 'labels = vip' })), {
      id: 'brevo-2',
      now: new Date('2025-01-01T00:00:00.000Z'),
    });
    expect(created).not.toHaveProperty('apiKey');
    expect(created).toMatchObject({
      id: 'brevo-2',
      jql: 'labels = vip',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const updated = toStoredBrevoAccount(valid(input({ id: 'brevo-2', apiKey: undefined })), {
      id: 'brevo-2',
      now: new Date('2025-02-01T00:00:00.000Z'),
      previous: created,
    });
    expect(updated).toMatchObject({
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
    });
    expect(updated).not.toHaveProperty('jql');
    expect(JSON.stringify(toBrevoAccountView(updated, true))).not.toContain(KEY);
    expect(toBrevoAccountView(updated, true)).toMatchObject({ hasApiKey: true, kind: 'brevo' });
  });
});
