// Which Jira projects an instance may link issues of, and the project key of an issue key.
import {
  linkableProjects,
  mayLinkIssueKey,
  projectKeyOfIssueKey,
  type LinkableProjectSettings,
} from './linkable-project';

const instance: LinkableProjectSettings = {
  defaultProjectKey: 'SUP',
  projectMappings: [{ projectKey: 'SHOP' }, { projectKey: 'DEV' }, { projectKey: 'SHOP' }],
  extraProjectKeys: ['OPS', 'AB_1'],
};

describe('linkableProjects', () => {
  it.each<[string, LinkableProjectSettings, string[]]>([
    ['mappings, default and extra projects, each once', instance, ['SHOP', 'DEV', 'SUP', 'OPS', 'AB_1']],
    ['nothing configured', { projectMappings: [] }, []],
    ['only a default project', { defaultProjectKey: 'SUP', projectMappings: [] }, ['SUP']],
    ['only extra projects', { projectMappings: [], extraProjectKeys: ['OPS'] }, ['OPS']],
    [
      'keys in any case, upper-cased',
      { defaultProjectKey: 'sup', projectMappings: [{ projectKey: 'Dev' }], extraProjectKeys: ['ops'] },
      ['DEV', 'SUP', 'OPS'],
    ],
  ])('%s', (_case, settings, expected) => {
    expect([...linkableProjects(settings)]).toEqual(expected);
  });
});

describe('projectKeyOfIssueKey', () => {
  it.each<[string, string | undefined]>([
    ['SUP-1', 'SUP'],
    ['sup-12', 'SUP'],
    [' DEV-7 ', 'DEV'],
    ['AB_1-99', 'AB_1'],
    // The project is what comes before the last '-'.
    ['SUP-OPS-3', 'SUP-OPS'],
    ['SUP', undefined],
    ['SUP-', undefined],
    ['-12', undefined],
    ['SUP-1a', undefined],
    ['SUP-1-', undefined],
    ['', undefined],
  ])('%j → %s', (issueKey, expected) => {
    expect(projectKeyOfIssueKey(issueKey)).toBe(expected);
  });
});

describe('mayLinkIssueKey', () => {
  it.each<[string, LinkableProjectSettings, boolean]>([
    ['SUP-1', instance, true],
    ['shop-2', instance, true],
    ['DEV-3', instance, true],
    ['ops-4', instance, true],
    ['AB_1-5', instance, true],
    // Another project of the site, even one whose key starts like an allowed one.
    ['HR-1', instance, false],
    ['SUPPORT-1', instance, false],
    ['SU-1', instance, false],
    ['SUP-OPS-1', instance, false],
    // Not an issue key at all: fail closed.
    ['SUP', instance, false],
    ['NEW', instance, false],
    ['SUP-', instance, false],
    ['', instance, false],
    // An instance that names no project may link nothing.
    ['SUP-1', { projectMappings: [] }, false],
    ['OPS-1', { defaultProjectKey: 'SUP', projectMappings: [] }, false],
    ['OPS-1', { projectMappings: [], extraProjectKeys: ['OPS'] }, true],
  ])('%j with %j → %s', (issueKey, settings, expected) => {
    expect(mayLinkIssueKey(settings, issueKey)).toBe(expected);
  });
});
