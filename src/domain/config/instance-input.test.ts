// Validating a TeamSupport instance's settings: defaults, normalisation, tokens on update, and refusals with
// per-field messages.
import { validateInstanceInput, type InstanceInput, type ValidInstanceInput } from './instance-input';
import type { ConfigIssue } from './issues';

/** `expect.stringMatching` is typed `any`; this keeps the matcher out of the `any` lint rules. */
function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

const minimal = {
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  apiToken: '8f2c0d3e-1111-2222-3333-444455556666',
} as const satisfies InstanceInput;

const full = {
  id: 'inst-1',
  kind: 'teamsupport',
  name: 'Support US',
  baseUrl: 'https://app.na3.teamsupport.com',
  organizationId: '7654321',
  apiToken: 'token-value',
  active: true,
  defaultProjectKey: 'SUP',
  alwaysUseDefaultProjectKey: true,
  pullActionTypes: ['Comment', 'Email'],
  commentActionType: 'Jira Comment',
  actionsVisibleOnPortal: true,
  updateTicketStatus: true,
  includeNonRequiredFields: true,
  ticketTypes: ['Bug', 'Feature Request'],
  correlationField: 'JiraIssueKey',
  timeZone: 'America/Chicago',
  fieldMappings: [
    { jiraField: 'Priority', ticketField: 'Severity' },
    { jiraField: 'Customer Impact', ticketField: '_2ndLineOwner' },
  ],
  typeMappings: [
    { ticketType: 'Bug', issueType: 'Bug' },
    { ticketType: 'Feature Request', issueType: 'Story' },
  ],
  statusMappings: [
    { jiraStatus: 'Done', ticketStatus: 'Closed' },
    { jiraStatus: 'Rejected', ticketStatus: 'Closed' },
  ],
  projectMappings: [
    { product: 'Widget', projectKey: 'WID' },
    { product: 'Widget', version: '2.0', projectKey: 'WID_2' },
  ],
  extraProjectKeys: ['OPS', 'SEC_1'],
  announceReleases: false,
  releaseNoteVisibleOnPortal: true,
  releaseStatus: 'Resolved',
} as const satisfies InstanceInput;

const existing = [{ id: 'other-1', name: 'Support Asia' }];

function issuesOf(input: unknown, others = existing, options = {}): ConfigIssue[] {
  const result = validateInstanceInput(input, others, options);
  if (result.ok) throw new Error(`expected rejection, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

function valueOf(
  input: unknown,
  others: readonly { id: string; name: string }[] = [],
  options = {},
): ValidInstanceInput {
  const result = validateInstanceInput(input, others, options);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

describe('validateInstanceInput: accepted input', () => {
  it('fills every default for a minimal create', () => {
    expect(valueOf(minimal)).toEqual({
      kind: 'teamsupport',
      name: 'Support EU',
      baseUrl: 'https://app.na2.teamsupport.com',
      organizationId: '1234567',
      apiToken: '8f2c0d3e-1111-2222-3333-444455556666',
      active: false,
      alwaysUseDefaultProjectKey: false,
      pullActionTypes: 'all',
      commentActionType: 'Comment',
      actionsVisibleOnPortal: false,
      updateTicketStatus: false,
      includeNonRequiredFields: false,
      ticketTypes: 'all',
      timeZone: 'UTC',
      fieldMappings: [],
      typeMappings: [],
      statusMappings: [],
      projectMappings: [],
      extraProjectKeys: [],
      announceReleases: true,
      releaseNoteVisibleOnPortal: false,
    });
  });

  it('returns a full, already normalised input unchanged', () => {
    expect(valueOf(full, existing)).toEqual(full);
  });

  it('validates its own output again to the same value', () => {
    const once = valueOf(full, existing);
    expect(valueOf(once, existing)).toEqual(once);
  });

  it.each<[string, Record<string, unknown>, Partial<ValidInstanceInput>]>([
    [
      'trims text',
      { name: '  Support EU  ', organizationId: ' 42 ' },
      { name: 'Support EU', organizationId: '42' },
    ],
    [
      'normalises the base URL',
      { baseUrl: 'https://APP.NA2.teamsupport.com/api/json/' },
      { baseUrl: 'https://app.na2.teamsupport.com' },
    ],
    [
      'treats a blank default project key as not set',
      { defaultProjectKey: '  ' },
      { defaultProjectKey: undefined },
    ],
    [
      'treats a blank correlation field as not set',
      { correlationField: '' },
      { correlationField: undefined },
    ],
    ['treats a blank time zone as UTC', { timeZone: ' ' }, { timeZone: 'UTC' }],
    ['treats a blank status after release as none', { releaseStatus: '  ' }, { releaseStatus: undefined }],
    ['trims the status after release', { releaseStatus: ' Closed ' }, { releaseStatus: 'Closed' }],
    ['accepts any IANA zone Intl knows', { timeZone: 'Asia/Kolkata' }, { timeZone: 'Asia/Kolkata' }],
    [
      'treats a blank project-mapping version as all versions',
      { projectMappings: [{ product: 'Widget', version: '', projectKey: 'WID' }] },
      { projectMappings: [{ product: 'Widget', version: undefined, projectKey: 'WID' }] },
    ],
    [
      'accepts one ticket status reached from several Jira statuses',
      {
        statusMappings: [
          { jiraStatus: 'Done', ticketStatus: 'Closed' },
          { jiraStatus: "Won't Do", ticketStatus: 'Closed' },
        ],
      },
      {
        statusMappings: [
          { jiraStatus: 'Done', ticketStatus: 'Closed' },
          { jiraStatus: "Won't Do", ticketStatus: 'Closed' },
        ],
      },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(valueOf({ ...minimal, ...patch })).toMatchObject(expected);
  });

  it('keeps the stored token on update when apiToken is left out', () => {
    const { apiToken: _token, ...withoutToken } = minimal;
    expect(valueOf({ ...withoutToken, id: 'other-1' }, existing)).not.toHaveProperty('apiToken');
  });

  it('does not count the instance being updated as a name clash', () => {
    expect(valueOf({ ...minimal, id: 'other-1', name: 'support ASIA' }, existing).name).toBe('support ASIA');
  });
});

describe('validateInstanceInput: rejected input', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'duplicate name, ignoring case',
      { name: ' SUPPORT asia ' },
      'name',
      /already named .*choose a different name/,
    ],
    ['missing name', { name: undefined }, 'name', /Enter a name/],
    ['name over 80 characters', { name: 'x'.repeat(81) }, 'name', /at most 80 characters/],
    [
      'a release switch that is not a boolean',
      { announceReleases: 'yes' },
      'announceReleases',
      /true or false/,
    ],
    ['a status after release that is not text', { releaseStatus: 3 }, 'releaseStatus', /must be text/],
    [
      'a status after release over 255 characters',
      { releaseStatus: 's'.repeat(256) },
      'releaseStatus',
      /at most 255 characters/,
    ],
    ['http for a public host', { baseUrl: 'http://app.teamsupport.com' }, 'baseUrl', /Use https:\/\//],
    [
      'credentials in the URL',
      { baseUrl: 'https://me:secret@app.teamsupport.com' },
      'baseUrl',
      /Remove the user name and password/,
    ],
    ['a query in the URL', { baseUrl: 'https://app.teamsupport.com/?org=1' }, 'baseUrl', /Remove the query/],
    ['a relative URL', { baseUrl: 'app.teamsupport.com' }, 'baseUrl', /including https:\/\//],
    [
      'a host outside the egress permissions',
      { baseUrl: 'https://evil.example.com' },
      'baseUrl',
      /TeamSupport addresses end in \.teamsupport\.com/,
    ],
    ['http for a loopback host', { baseUrl: 'http://127.0.0.1:8080/' }, 'baseUrl', /Use https:\/\//],
    ['letters in the organization id', { organizationId: '12a4' }, 'organizationId', /digits only/],
    ['an empty token on create', { apiToken: '   ' }, 'apiToken', /paste the token/],
    ['a token over 200 characters', { apiToken: 't'.repeat(201) }, 'apiToken', /copy it again/],
    [
      'a lowercase project key',
      { defaultProjectKey: 'sup' },
      'defaultProjectKey',
      /not a Jira project key.*uppercase/,
    ],
    ['a one-letter project key', { defaultProjectKey: 'S' }, 'defaultProjectKey', /2–10 characters/],
    [
      'always-use-default without a default key',
      { alwaysUseDefaultProjectKey: true },
      'defaultProjectKey',
      /Enter a default project key, or turn off/,
    ],
    [
      'JiraKey as correlation field',
      { correlationField: 'JiraKey' },
      'correlationField',
      /TeamSupport's own Jira connector/,
    ],
    ['jirakey in any case', { correlationField: 'jiraKEY' }, 'correlationField', /JiraIssueKey/],
    [
      'a display name as correlation field',
      { correlationField: 'Jira Issue Key' },
      'correlationField',
      /remove spaces/,
    ],
    [
      'a correlation field starting with a digit',
      { correlationField: '2ndLineOwner' },
      'correlationField',
      /leading _/,
    ],
    [
      'the same Jira field mapped twice',
      {
        fieldMappings: [
          { jiraField: 'Priority', ticketField: 'Severity' },
          { jiraField: 'priority ', ticketField: 'Impact' },
        ],
      },
      'fieldMappings.1.jiraField',
      /mapped twice: map each Jira field once/,
    ],
    [
      'the same ticket field mapped twice',
      {
        fieldMappings: [
          { jiraField: 'Priority', ticketField: 'Severity' },
          { jiraField: 'Impact', ticketField: 'Severity' },
        ],
      },
      'fieldMappings.1.ticketField',
      /map each TeamSupport field once/,
    ],
    [
      'the same ticket type mapped twice',
      {
        typeMappings: [
          { ticketType: 'Bug', issueType: 'Bug' },
          { ticketType: 'Bug', issueType: 'Task' },
        ],
      },
      'typeMappings.1.ticketType',
      /map each ticket type to one issue type/,
    ],
    [
      'the same Jira status mapped twice',
      {
        statusMappings: [
          { jiraStatus: 'Done', ticketStatus: 'Closed' },
          { jiraStatus: 'DONE', ticketStatus: 'Resolved' },
        ],
      },
      'statusMappings.1.jiraStatus',
      /map each Jira status to one ticket status/,
    ],
    [
      'the same product and version mapped twice',
      {
        projectMappings: [
          { product: 'Widget', version: '2.0', projectKey: 'WID' },
          { product: 'widget', version: '2.0 ', projectKey: 'WID_2' },
        ],
      },
      'projectMappings.1.product',
      /version "2.0" is mapped twice/,
    ],
    [
      'an empty mapping cell',
      { typeMappings: [{ ticketType: 'Bug', issueType: ' ' }] },
      'typeMappings.0.issueType',
      /Enter the Jira issue type, or remove this row/,
    ],
    [
      'a mapping row with a missing cell',
      { statusMappings: [{ jiraStatus: 'Done' }] },
      'statusMappings.0.ticketStatus',
      /Enter the TeamSupport status, or remove this row/,
    ],
    [
      'a bad project key in a project mapping',
      { projectMappings: [{ product: 'Widget', projectKey: 'Widget' }] },
      'projectMappings.0.projectKey',
      /Use the key, not the project name/,
    ],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /IANA zone name/],
    ['an offset instead of a zone', { timeZone: '+02:00' }, 'timeZone', /IANA zone name/],
    [
      'an unknown property',
      { activ: true },
      'activ',
      /Unknown property "activ": remove it or correct its spelling/,
    ],
    [
      'an empty pullActionTypes list',
      { pullActionTypes: [] },
      'pullActionTypes',
      /Choose at least one action type, or use "all"/,
    ],
    ['an empty ticketTypes list', { ticketTypes: [] }, 'ticketTypes', /Choose at least one ticket type/],
    [
      'a word other than all',
      { pullActionTypes: 'every' },
      'pullActionTypes',
      /Use "all" or a list of action types/,
    ],
    ['a duplicate ticket type', { ticketTypes: ['Bug', 'bug'] }, 'ticketTypes.1', /listed twice/],
    [
      'a blank action type',
      { pullActionTypes: ['Comment', ''] },
      'pullActionTypes.1',
      /Enter the action type/,
    ],
    ['a blank comment action type', { commentActionType: ' ' }, 'commentActionType', /usually "Comment"/],
    ['a flag that is not a boolean', { active: 'yes' }, 'active', /true or false/],
    ['an id with a storage-key separator', { id: 'a:b' }, 'id', /letters, digits/],
    ['an unknown kind', { kind: 'zendesk' }, 'kind', /kind must be one of: "teamsupport"/],
  ])('rejects %s', (_name, patch, path, message) => {
    expect(issuesOf({ ...minimal, ...patch })).toEqual([{ path, message: matching(message) }]);
  });

  it('requires a token when creating', () => {
    const { apiToken: _token, ...withoutToken } = minimal;
    expect(issuesOf(withoutToken, [])).toEqual([
      { path: 'apiToken', message: matching(/^Enter the API token from TeamSupport Admin/) },
    ]);
  });

  it('requires a token on update when the caller says none is stored', () => {
    const { apiToken: _token, ...withoutToken } = minimal;
    expect(issuesOf({ ...withoutToken, id: 'other-1' }, existing, { tokenRequired: true })).toEqual([
      { path: 'apiToken', message: matching(/no token is stored/) },
    ]);
  });

  describe('a token belongs to one organization on one server', () => {
    const { apiToken: _token, ...withoutToken } = minimal;
    const previous = { baseUrl: 'https://app.na2.teamsupport.com', organizationId: '1234567' };
    const update = { ...withoutToken, id: 'other-1' };

    it.each<[string, Record<string, unknown>, RegExp]>([
      [
        'a changed server address',
        { baseUrl: 'https://app.teamsupport.com' },
        /^Enter the API token again: the server address changed\.$/,
      ],
      [
        'a changed organization',
        { organizationId: '7654321' },
        /^Enter the API token again: the Organization ID changed\.$/,
      ],
    ])('asks for the token again after %s', (_name, patch, message) => {
      expect(issuesOf({ ...update, ...patch }, existing, { tokenRequired: false, previous })).toEqual([
        { path: 'apiToken', message: matching(message) },
      ]);
    });

    it('keeps the stored token when the address is only spelled differently', () => {
      const input = { ...update, baseUrl: 'https://APP.na2.teamsupport.com/api/json/' };
      expect(valueOf(input, existing, { tokenRequired: false, previous })).not.toHaveProperty('apiToken');
    });

    it('accepts a changed address with a new token', () => {
      const input = { ...update, baseUrl: 'https://app.teamsupport.com', apiToken: 'new-token' };
      expect(valueOf(input, existing, { tokenRequired: false, previous })).toMatchObject({
        baseUrl: 'https://app.teamsupport.com',
        apiToken: 'new-token',
      });
    });

    it('says only once that a token is needed when none is stored either', () => {
      const input = { ...update, baseUrl: 'https://app.teamsupport.com' };
      expect(issuesOf(input, existing, { tokenRequired: true, previous })).toEqual([
        { path: 'apiToken', message: matching(/no token is stored/) },
      ]);
    });
  });

  it('rejects a value that is not an instance object', () => {
    expect(issuesOf('teamsupport')).toEqual([{ path: '', message: matching(/Expected an instance object/) }]);
  });

  it('reports field, cross-field and context problems in one round', () => {
    const issues = issuesOf({
      ...minimal,
      name: 'support asia',
      baseUrl: 'http://example.com',
      organizationId: 99,
      alwaysUseDefaultProjectKey: true,
      apiToken: undefined,
      typo: 1,
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ['apiToken', 'baseUrl', 'defaultProjectKey', 'name', 'organizationId', 'typo'].sort(),
    );
  });

  it('does not add "missing default key" on top of a malformed one', () => {
    expect(issuesOf({ ...minimal, defaultProjectKey: 'bad', alwaysUseDefaultProjectKey: true })).toEqual([
      { path: 'defaultProjectKey', message: matching(/not a Jira project key/) },
    ]);
  });
});
