// The Brevo editor's output is the backend's input: checked against the real schema (src/domain/config), so a renamed
// or missing contract field fails here rather than in production.
import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_ATTRIBUTE_MAPPINGS as BACKEND_DEFAULTS,
  EVENT_DEFAULTS,
} from '../../../../../src/domain/config';
import { validateBrevoAccountInput } from '../../../../../src/domain/config';
import { BrevoAccountViewSchema, type BrevoAccountView } from '../../brevo-view';
import {
  DEFAULT_ATTRIBUTE_MAPPINGS,
  DEFAULT_EVENTS,
  brevoDraftFromView,
  emptyBrevoDraft,
  listIdOf,
  listableProjects,
  stillMissing,
  toBrevoAccountInput,
  withRole,
} from './brevo-draft';

const view: BrevoAccountView = {
  id: 'brevo-1',
  kind: 'brevo',
  name: 'Brevo Marketing',
  active: true,
  projects: ['SUP', 'DEV'],
  issueTypes: 'all',
  jql: 'labels = customer',
  events: { ...DEFAULT_EVENTS, teamCapacity: true },
  contactRoles: ['reporter', 'assignee'],
  attributeMappings: [{ source: 'issueKey', attribute: 'LAST_TICKET_KEY' }],
  projectLists: [
    { projectKey: 'SUP', listId: 3 },
    { projectKey: 'DEV', listId: 4 },
  ],
  hasApiKey: true,
  updatedAt: '2025-03-01T10:00:00.000Z',
};

const others = [{ id: 'ts-1', name: 'Acme Support' }];

describe('toBrevoAccountInput', () => {
  it('sends a stored account back unchanged, without its key', () => {
    const input = toBrevoAccountInput(brevoDraftFromView(view));
    const { hasApiKey: _hasApiKey, updatedAt: _updatedAt, ...settings } = view;
    expect(input).toEqual(settings);
    expect(input).not.toHaveProperty('apiKey');
  });

  it('produces what the backend accepts, keeping the stored key', () => {
    const result = validateBrevoAccountInput(toBrevoAccountInput(brevoDraftFromView(view)), others, {
      keyRequired: false,
    });
    expect(result).toMatchObject({ ok: true, value: { id: 'brevo-1', projectLists: view.projectLists } });
  });

  it('sends a new account without an id, with the contract defaults the backend would fill in', () => {
    const draft = { ...emptyBrevoDraft(), name: 'New', apiKey: 'xkeysib-new' };
    const input = toBrevoAccountInput(draft);
    expect(input).not.toHaveProperty('id');
    const result = validateBrevoAccountInput(input, others);
    expect(result).toMatchObject({
      ok: true,
      value: {
        active: false,
        projects: 'all',
        issueTypes: 'all',
        jql: undefined,
        events: EVENT_DEFAULTS,
        contactRoles: ['reporter'],
        attributeMappings: BACKEND_DEFAULTS,
        projectLists: [],
      },
    });
  });

  it('starts from the same default mappings and events as the backend', () => {
    expect(DEFAULT_ATTRIBUTE_MAPPINGS).toEqual(BACKEND_DEFAULTS);
    expect(DEFAULT_EVENTS).toEqual(EVENT_DEFAULTS);
  });

  it('sends a row without a chosen list as null, which the backend reports on that row', () => {
    const draft = {
      ...brevoDraftFromView(view),
      projectLists: [
        { rowKey: 'a', projectKey: 'SUP', listId: '3' },
        { rowKey: 'b', projectKey: 'DEV', listId: '' },
      ],
    };
    const input = toBrevoAccountInput(draft);
    expect(input.projectLists).toEqual([
      { projectKey: 'SUP', listId: 3 },
      { projectKey: 'DEV', listId: null },
    ]);
    expect(validateBrevoAccountInput(input, others, { keyRequired: false })).toEqual({
      ok: false,
      issues: [{ path: 'projectLists.1.listId', message: expect.stringContaining('Choose a Brevo list') }],
    });
  });

  it('sends a new key only when one was typed', () => {
    expect(toBrevoAccountInput({ ...brevoDraftFromView(view), apiKey: 'xkeysib-2' }).apiKey).toBe(
      'xkeysib-2',
    );
  });

  it('reads a view with missing switches and lists as the defaults', () => {
    const parsed = BrevoAccountViewSchema.parse({ id: 'b', kind: 'brevo', name: 'B', hasApiKey: false });
    expect(brevoDraftFromView(parsed)).toMatchObject({
      projects: { all: true, names: [] },
      events: DEFAULT_EVENTS,
      contactRoles: ['reporter'],
      jql: '',
    });
  });
});

describe('listIdOf', () => {
  it.each<[string, number | null]>([
    ['22', 22],
    [' 7 ', 7],
    ['', null],
    ['Jira SUP customers', null],
    ['2.5', null],
    ['-3', null],
  ])('reads %j as %j', (text, expected) => {
    expect(listIdOf(text)).toBe(expected);
  });
});

describe('withRole', () => {
  const order = ['reporter', 'assignee', 'requestParticipants'];
  it.each<[string[], string, boolean, string[]]>([
    [['reporter'], 'assignee', true, ['reporter', 'assignee']],
    [['requestParticipants'], 'reporter', true, ['reporter', 'requestParticipants']],
    [['reporter', 'assignee'], 'reporter', false, ['assignee']],
    [['reporter'], 'reporter', true, ['reporter']],
  ])('%j with %s %s gives %j', (roles, role, on, expected) => {
    expect(withRole(roles, role, on, order)).toEqual(expected);
  });
});

describe('stillMissing', () => {
  it('keeps only missing attributes that are still mapped, ignoring case', () => {
    const rows = [
      { rowKey: 'a', source: 'issueKey', attribute: 'last_ticket_key' },
      { rowKey: 'b', source: 'status', attribute: 'LAST_TICKET_STATUS' },
    ];
    expect(stillMissing(['LAST_TICKET_KEY', 'LAST_TICKET_DATE'], rows)).toEqual(['LAST_TICKET_KEY']);
  });
});

describe('listableProjects', () => {
  const jira = [
    { key: 'SUP', name: 'Support' },
    { key: 'DEV', name: 'Development' },
  ];
  it('offers every Jira project when all are in scope', () => {
    expect(listableProjects({ projects: { all: true, names: [] } }, jira)).toEqual(jira);
  });
  it('offers the chosen projects, named when Jira knows them', () => {
    expect(listableProjects({ projects: { all: false, names: ['DEV', 'OPS'] } }, jira)).toEqual([
      { key: 'DEV', name: 'Development' },
      { key: 'OPS', name: 'OPS' },
    ]);
  });
});
