// Reading the stored configuration document: defaults for missing keys and settings, and migrations of older
// versions.
import { ConfigDocumentSchema, parseConfigDocument, type ParsedConfigDocument } from './config-document';
import { CONFIG_DOCUMENT_VERSION, MIGRATIONS } from './config-migrations';

/** `expect.stringMatching` is typed `any`; this keeps the matcher out of the `any` lint rules. */
function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

const TOKEN = 'leaked-token-5d0c2f';

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
  ticketTypes: ['Bug'],
  correlationField: 'JiraIssueKey',
  timeZone: 'Europe/Berlin',
  fieldMappings: [{ jiraField: 'Priority', ticketField: 'Severity' }],
  typeMappings: [],
  statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
  projectMappings: [{ product: 'Widget', projectKey: 'WID' }],
  extraProjectKeys: ['OPS'],
  announceReleases: false,
  releaseNoteVisibleOnPortal: true,
  releaseStatus: 'Closed',
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-02T10:00:00.000Z',
};

/** An instance as the (hypothetical) version-0 build stored it: no kind. */
const { kind: _kind, ...version0Instance } = instance;

function parsed(raw: unknown): Extract<ParsedConfigDocument, { ok: true }> {
  const result = parseConfigDocument(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

function failure(raw: unknown) {
  const result = parseConfigDocument(raw);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

describe('parseConfigDocument', () => {
  it('has one migration step per older version', () => {
    expect(MIGRATIONS).toHaveLength(CONFIG_DOCUMENT_VERSION);
  });

  it('reads a missing key as an empty document that needs no write', () => {
    expect(parseConfigDocument(undefined)).toEqual({
      ok: true,
      value: { version: 2, brevoAccounts: [], instances: [] },
      migratedFrom: undefined,
      strippedSecretPaths: [],
      needsRewrite: false,
    });
  });

  it('reads a current document as it is', () => {
    const result = parsed({ version: 2, brevoAccounts: [], instances: [instance] });
    expect(result.value).toEqual({ version: 2, brevoAccounts: [], instances: [instance] });
    expect(result).toMatchObject({ migratedFrom: undefined, strippedSecretPaths: [], needsRewrite: false });
  });

  it('reads an instance stored before extraProjectKeys existed as having none, without a rewrite', () => {
    const { extraProjectKeys: _extra, ...before } = instance;
    const result = parsed({ version: 2, brevoAccounts: [], instances: [before] });
    expect(result.value.instances).toEqual([{ ...instance, extraProjectKeys: [] }]);
    expect(result).toMatchObject({ migratedFrom: undefined, needsRewrite: false });
  });

  it('reads an instance stored before the release options existed as announcing internally, without a rewrite', () => {
    const {
      announceReleases: _announce,
      releaseNoteVisibleOnPortal: _visible,
      releaseStatus: _status,
      ...before
    } = instance;
    const result = parsed({ version: 2, brevoAccounts: [], instances: [before] });
    expect(result.value.instances).toEqual([
      { ...before, announceReleases: true, releaseNoteVisibleOnPortal: false },
    ]);
    expect(result.value.instances[0]).not.toHaveProperty('releaseStatus');
    expect(result).toMatchObject({ migratedFrom: undefined, needsRewrite: false });
  });

  it('migrates a version-0 bare array and asks for a rewrite', () => {
    const result = parsed([version0Instance]);
    expect(result.value).toEqual({ version: 2, brevoAccounts: [], instances: [instance] });
    expect(result).toMatchObject({ migratedFrom: 0, needsRewrite: true });
  });

  it('migrates an empty version-0 array', () => {
    expect(parsed([])).toMatchObject({
      value: { version: 2, brevoAccounts: [], instances: [] },
      migratedFrom: 0,
    });
  });

  it('does not relabel a version-0 element that names another kind', () => {
    const error = failure([{ ...version0Instance, kind: 'zendesk' }]);
    expect(error).toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: matching(/version 0.*migrated/),
    });
    expect(error).toHaveProperty('issues', [{ path: 'instances.0.kind', message: matching(/kind must be/) }]);
  });

  it('reports where a version-0 instance is invalid', () => {
    const error = failure([{ ...version0Instance, organizationId: 'abc' }]);
    expect(error).toHaveProperty('issues', [
      { path: 'instances.0.organizationId', message: matching(/digits only/) },
    ]);
  });

  // Stripping, not rejecting: see parseConfigDocument. The clean document must be written back.
  it.each([
    [
      'a current document',
      {
        version: 2,
        brevoAccounts: [],
        instances: [instance, { ...instance, id: 'inst-2', name: 'Other', apiToken: TOKEN }],
      },
    ],
    ['a version-0 document', [{ ...version0Instance, apiToken: TOKEN }]],
  ])('strips a token found in %s and asks for a rewrite', (_name, raw) => {
    const result = parsed(raw);
    const index = result.value.instances.length - 1;
    expect(result.strippedSecretPaths).toEqual([`instances.${index}.apiToken`]);
    expect(result.needsRewrite).toBe(true);
    expect(result.value.instances[index]).not.toHaveProperty('apiToken');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('refuses a document from a newer build', () => {
    expect(failure({ version: 3, instances: [], brevoAccounts: [] })).toEqual({
      code: 'UNSUPPORTED_VERSION',
      version: 3,
      message: matching(/newer build/),
    });
  });

  it('reads an instance whose address older builds accepted, so the admin can correct it', () => {
    const saved = { ...instance, baseUrl: 'https://ts.example.com:8443/proxy' };
    expect(
      parsed({ version: 2, brevoAccounts: [], instances: [saved] }).value.instances.map((i) => i.baseUrl),
    ).toEqual(['https://ts.example.com:8443/proxy']);
  });

  it.each([{}, 'config', null, { version: '1', instances: [] }, { version: -1, instances: [] }])(
    'refuses %j as having no recognisable version',
    (raw) => {
      expect(failure(raw)).toMatchObject({ code: 'INVALID_DOCUMENT', issues: [{ path: 'version' }] });
    },
  );

  it.each<[string, unknown, string, RegExp]>([
    [
      'an invalid instance',
      { version: 2, brevoAccounts: [], instances: [{ ...instance, baseUrl: 'example.com' }] },
      'instances.0.baseUrl',
      /not an http\(s\) address/,
    ],
    [
      'an unknown top-level property',
      { version: 2, brevoAccounts: [], instances: [], extra: true },
      'extra',
      /Unknown property/,
    ],
    [
      'instances that are not a list',
      { version: 2, brevoAccounts: [], instances: {} },
      'instances',
      /must be a list/,
    ],
    [
      'two instances with one id',
      { version: 2, brevoAccounts: [], instances: [instance, { ...instance, name: 'Other' }] },
      'instances.1.id',
      /ids must be unique/,
    ],
    [
      'two instances with one name',
      {
        version: 2,
        brevoAccounts: [],
        instances: [instance, { ...instance, id: 'inst-2', name: 'SUPPORT EU' }],
      },
      'instances.1.name',
      /names must be unique/,
    ],
  ])('refuses %s', (_name, raw, path, message) => {
    expect(failure(raw)).toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: 'The stored configuration is invalid.',
      issues: [{ path, message: matching(message) }],
    });
  });
});

describe('ConfigDocumentSchema (the write side)', () => {
  it('refuses to write a document that carries a token', () => {
    const result = ConfigDocumentSchema.safeParse({
      version: 2,
      brevoAccounts: [],
      instances: [{ ...instance, apiToken: TOKEN }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['apiToken'], path: ['instances', 0] }),
    ]);
  });
});
