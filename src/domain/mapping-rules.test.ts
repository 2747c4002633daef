// The mapping rules: ticket status for an issue status, issue and ticket types, the project for a new issue, and
// the echo markers.
import { isAppWrittenComment, startsWithAppHeader, appCommentProperty } from './echo';
import { projectKeyFor, type ProjectKeySettings } from './project-key';
import { ticketStatusFor } from './status-mapping';
import { issueTypeFor, ticketTypeFor } from './type-mapping';

describe('ticketStatusFor', () => {
  const available = ['New', 'In Progress', 'Waiting on Customer', 'Closed'];
  it.each<[string, Array<{ jiraStatus: string; ticketStatus: string }>, string | undefined]>([
    ['In Progress', [], 'In Progress'],
    ['in progress ', [], 'In Progress'],
    ['Done', [{ jiraStatus: 'Done', ticketStatus: 'Closed' }], 'Closed'],
    ['DONE', [{ jiraStatus: 'done', ticketStatus: 'closed' }], 'Closed'],
    // A mapping to a status the ticket's type lacks falls back to the same name, then to nothing.
    ['Done', [{ jiraStatus: 'Done', ticketStatus: 'Resolved' }], undefined],
    ['Closed', [{ jiraStatus: 'Closed', ticketStatus: 'Resolved' }], 'Closed'],
    ['Code Review', [], undefined],
  ])('%s with %j → %s', (jiraStatus, mappings, expected) => {
    expect(ticketStatusFor(jiraStatus, mappings, available)).toBe(expected);
  });
});

describe('issue and ticket type mapping', () => {
  const projectTypes = [
    { id: '1', name: 'Task' },
    { id: '2', name: 'Bug' },
    { id: '3', name: 'Story' },
  ];
  it.each<[string, Array<{ ticketType: string; issueType: string }>, string | undefined]>([
    ['Bug', [], '2'],
    ['Feature Request', [{ ticketType: 'Feature Request', issueType: 'Story' }], '3'],
    ['Question', [], '1'],
    ['Feature Request', [{ ticketType: 'Feature Request', issueType: 'Epic' }], '1'],
  ])('ticket type %s with %j → issue type id %s', (ticketType, mappings, expectedId) => {
    expect(issueTypeFor(ticketType, mappings, projectTypes)?.id).toBe(expectedId);
  });

  it('maps an issue type back to a ticket type only when one exists', () => {
    const mappings = [{ ticketType: 'Feature Request', issueType: 'Story' }];
    expect(ticketTypeFor('Story', mappings, ['Bug', 'Feature Request'])).toBe('Feature Request');
    expect(ticketTypeFor('bug', mappings, ['Bug', 'Feature Request'])).toBe('Bug');
    expect(ticketTypeFor('Epic', mappings, ['Bug', 'Feature Request'])).toBeUndefined();
  });
});

describe('projectKeyFor (the five rules)', () => {
  const base: ProjectKeySettings = {
    defaultProjectKey: 'SUP',
    alwaysUseDefaultProjectKey: false,
    projectMappings: [
      { product: 'Widget', projectKey: 'WID' },
      { product: 'Widget', version: '2.0', projectKey: 'WID2' },
    ],
  };
  it.each<
    [string, ProjectKeySettings, { product: string | null; reportedVersion: string | null }, string, number]
  >([
    [
      '1: always the default',
      { ...base, alwaysUseDefaultProjectKey: true },
      { product: 'Widget', reportedVersion: '2.0' },
      'SUP',
      1,
    ],
    ['2: the reported version has a key', base, { product: 'Widget', reportedVersion: '2.0' }, 'WID2', 2],
    ['3: the product has a key', base, { product: 'Widget', reportedVersion: '1.0' }, 'WID', 3],
    ['3: the product has a key, no version', base, { product: 'widget', reportedVersion: null }, 'WID', 3],
    ['4: the product name is the key', base, { product: 'Gadget', reportedVersion: '5.1' }, 'GADGET', 4],
    ['5: no product, the default', base, { product: null, reportedVersion: null }, 'SUP', 5],
  ])('rule %s', (_name, settings, ticket, key, rule) => {
    expect(projectKeyFor(ticket, settings)).toEqual({ ok: true, projectKey: key, rule });
  });

  it('explains why no project can be chosen', () => {
    expect(
      projectKeyFor({ product: null, reportedVersion: null }, { ...base, defaultProjectKey: undefined }),
    ).toEqual({
      ok: false,
      reason: 'the ticket has no product and no Default Project KEY is set',
    });
    const always = { ...base, alwaysUseDefaultProjectKey: true, defaultProjectKey: ' ' };
    expect(projectKeyFor({ product: 'Widget', reportedVersion: null }, always).ok).toBe(false);
  });
});

describe('echo markers', () => {
  it('recognises comments the app wrote by their property', () => {
    const property = appCommentProperty({ instanceId: 'i1', ticketId: '7', actionId: '9' });
    expect(isAppWrittenComment({ [property.key]: property.value })).toBe(true);
    expect(isAppWrittenComment({ 'sd.public.comment': { internal: false } })).toBe(false);
  });

  it('recognises the app header in re-rendered plain text', () => {
    expect(startsWithAppHeader('  TeamSupport   ticket #80920001 · Comment')).toBe(true);
    expect(startsWithAppHeader('TeamSupport ticket #1')).toBe(true);
    expect(startsWithAppHeader('A customer said TeamSupport ticket #1')).toBe(false);
  });
});
