// The settings document with Brevo accounts beside the TeamSupport instances (version 2).
import { parseConfigDocument, type ParsedConfigDocument } from './config-document';

function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

const instance = {
  id: 'inst-1',
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  active: true,
  alwaysUseDefaultProjectKey: false,
  pullActionTypes: 'all',
  commentActionType: 'Comment',
  actionsVisibleOnPortal: false,
  updateTicketStatus: true,
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
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-02T10:00:00.000Z',
};

const account = {
  id: 'brevo-1',
  kind: 'brevo',
  name: 'Brevo Marketing',
  active: false,
  projects: ['SUP'],
  issueTypes: 'all',
  jql: 'labels = customer',
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
  attributeMappings: [{ source: 'issueKey', attribute: 'LAST_TICKET_KEY' }],
  projectLists: [{ projectKey: 'SUP', listId: 22 }],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function parsed(raw: unknown): Extract<ParsedConfigDocument, { ok: true }> {
  const result = parseConfigDocument(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

describe('parseConfigDocument with Brevo accounts', () => {
  it('reads a version-2 document with both kinds as it is', () => {
    const raw = { version: 2, instances: [instance], brevoAccounts: [account] };
    const result = parsed(raw);
    expect(result.value).toEqual(raw);
    expect(result.needsRewrite).toBe(false);
  });

  it('migrates a version-1 document to version 2 with no accounts and asks for a rewrite', () => {
    const result = parsed({ version: 1, instances: [instance] });
    expect(result.value).toEqual({ version: 2, instances: [instance], brevoAccounts: [] });
    expect(result).toMatchObject({ migratedFrom: 1, needsRewrite: true });
  });

  it('strips an API key found in an account and asks for a rewrite', () => {
    const result = parsed({
      version: 2,
      instances: [],
      brevoAccounts: [{ ...account, apiKey: 'xkeysib-leaked' }],
    });
    expect(result.strippedSecretPaths).toEqual(['brevoAccounts.0.apiKey']);
    expect(result.needsRewrite).toBe(true);
    expect(JSON.stringify(result)).not.toContain('xkeysib-leaked');
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      'an account with the name of an instance',
      { version: 2, instances: [instance], brevoAccounts: [{ ...account, name: 'SUPPORT EU' }] },
      'brevoAccounts.0.name',
      /names must be unique/,
    ],
    [
      'an account with the id of an instance',
      { version: 2, instances: [instance], brevoAccounts: [{ ...account, id: 'inst-1' }] },
      'brevoAccounts.0.id',
      /ids must be unique/,
    ],
    [
      'an account with a bad list id',
      {
        version: 2,
        instances: [],
        brevoAccounts: [{ ...account, projectLists: [{ projectKey: 'SUP', listId: 0 }] }],
      },
      'brevoAccounts.0.projectLists.0.listId',
      /positive/,
    ],
    [
      'a version-2 document without its account list',
      { version: 2, instances: [] },
      'brevoAccounts',
      /must be a list/,
    ],
    [
      'a Brevo account among the TeamSupport instances',
      { version: 2, instances: [account], brevoAccounts: [] },
      'instances.0.kind',
      /kind must be/,
    ],
  ])('refuses %s', (_name, raw, path, message) => {
    const result = parseConfigDocument(raw);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DOCUMENT', issues: [{ path, message: matching(message) }] },
    });
  });
});
