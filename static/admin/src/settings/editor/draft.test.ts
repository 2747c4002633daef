// The editor's output is the backend's input: checked against the real InstanceInput schema (src/domain/config), so a
// renamed or missing contract field fails here rather than in production.
import { describe, expect, it } from '@jest/globals';
import { validateInstanceInput } from '../../../../../src/domain/config';
import type { InstanceView } from '../../api';
import {
  draftFromView,
  emptyDraft,
  newRowKey,
  requestLimitOf,
  tokenNeededBecause,
  toInstanceInput,
} from './draft';

const view: InstanceView = {
  id: 'ts-eu',
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  active: true,
  defaultProjectKey: 'SUP',
  alwaysUseDefaultProjectKey: false,
  pullActionTypes: ['Comment', 'Email'],
  commentActionType: 'Comment',
  actionsVisibleOnPortal: true,
  updateTicketStatus: true,
  includeNonRequiredFields: false,
  ticketTypes: 'all',
  correlationField: 'JiraIssueKey',
  timeZone: 'Europe/Berlin',
  fieldMappings: [{ jiraField: 'customfield_10050', ticketField: 'Severity' }],
  typeMappings: [{ ticketType: 'Problem', issueType: 'Bug' }],
  statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
  projectMappings: [
    { product: 'Webshop', projectKey: 'SHOP' },
    { product: 'Webshop', version: '3.2', projectKey: 'DEV' },
  ],
  extraProjectKeys: ['OPS'],
  announceReleases: true,
  releaseNoteVisibleOnPortal: true,
  releaseStatus: 'Closed',
  hasToken: true,
};

describe('toInstanceInput', () => {
  it('sends a stored instance back unchanged, without its token', () => {
    const input = toInstanceInput(draftFromView(view));
    const { hasToken: _hasToken, ...settings } = view;
    expect(input).toEqual({
      ...settings,
      projectMappings: [
        { product: 'Webshop', version: '', projectKey: 'SHOP' },
        { product: 'Webshop', version: '3.2', projectKey: 'DEV' },
      ],
    });
    expect(input).not.toHaveProperty('apiToken');
  });

  it('produces what the backend accepts', () => {
    const result = validateInstanceInput(toInstanceInput(draftFromView(view)), [], { tokenRequired: false });
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Support EU', projectMappings: [{ version: undefined }, { version: '3.2' }] },
    });
  });

  it('sends a new token only when one was typed', () => {
    const draft = { ...draftFromView(view), apiToken: 'new-token' };
    expect(toInstanceInput(draft).apiToken).toBe('new-token');
  });

  it('sends a new instance without an id, with the contract defaults', () => {
    const draft = {
      ...emptyDraft(),
      name: 'New',
      baseUrl: 'https://app.teamsupport.com',
      organizationId: '42',
      apiToken: 'token-12345',
    };
    const input = toInstanceInput(draft);
    expect(input).not.toHaveProperty('id');
    expect(validateInstanceInput(input, [])).toMatchObject({
      ok: true,
      value: {
        active: false,
        pullActionTypes: 'all',
        ticketTypes: 'all',
        commentActionType: 'Comment',
        timeZone: 'UTC',
        extraProjectKeys: [],
      },
    });
  });

  it('sends the extra projects as picked; the backend upper-cases them and keeps each once', () => {
    const draft = { ...draftFromView(view), extraProjectKeys: ['OPS', 'hr', 'Ops'] };
    const input = toInstanceInput(draft);
    expect(input.extraProjectKeys).toEqual(['OPS', 'hr', 'Ops']);
    expect(validateInstanceInput(input, [], { tokenRequired: false })).toMatchObject({
      ok: true,
      value: { extraProjectKeys: ['OPS', 'HR'] },
    });
  });

  it('points the backend at the extra project that is not a project key', () => {
    const draft = { ...draftFromView(view), extraProjectKeys: ['OPS', 'Ops team'] };
    const result = validateInstanceInput(toInstanceInput(draft), [], { tokenRequired: false });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['extraProjectKeys.1']);
  });

  it('keeps blank rows and an empty chosen list, so the backend can point at them', () => {
    const draft = {
      ...emptyDraft(),
      ticketTypes: { all: false, names: [] },
      fieldMappings: [{ rowKey: newRowKey(), jiraField: '', ticketField: 'Severity' }],
    };
    const result = validateInstanceInput(toInstanceInput(draft), []);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['ticketTypes', 'fieldMappings.0.jiraField', 'name', 'apiToken']),
    );
  });
});

describe('dailyRequestLimit', () => {
  it('sends a stored limit back as it was, and leaves out a blank one (the backend reads it as 5,000)', () => {
    const limited = toInstanceInput(draftFromView({ ...view, dailyRequestLimit: 20_000 }));
    expect(limited.dailyRequestLimit).toBe(20_000);
    expect(validateInstanceInput(limited, [], { tokenRequired: false })).toMatchObject({
      ok: true,
      value: { dailyRequestLimit: 20_000 },
    });
    expect(toInstanceInput(draftFromView(view))).not.toHaveProperty('dailyRequestLimit');
  });

  it.each<[string, number | null | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['5000', 5_000],
    [' 5,000 ', 5_000],
    ['1,000,000', 1_000_000],
    ['12 500', 12_500],
    ['2500.5', null],
    ['5k', null],
    ['-100', null],
  ])('reads %p as %p', (text, expected) => {
    expect(requestLimitOf(text)).toBe(expected);
  });

  it('lets the backend point at a limit that is no whole number or out of range', () => {
    for (const text of ['5k', '50']) {
      const draft = { ...draftFromView(view), dailyRequestLimit: text };
      const result = validateInstanceInput(toInstanceInput(draft), [], { tokenRequired: false });
      expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['dailyRequestLimit']);
    }
  });
});

describe('tokenNeededBecause', () => {
  it.each<[string, Partial<ReturnType<typeof draftFromView>>, string | undefined]>([
    ['nothing changed', {}, undefined],
    [
      'the address spelled differently',
      { baseUrl: ' https://APP.na2.teamsupport.com/api/json/ ' },
      undefined,
    ],
    ['a changed address', { baseUrl: 'https://app.teamsupport.com' }, 'the server address changed'],
    ['a changed organization', { organizationId: '7654321' }, 'the Organization ID changed'],
    [
      'a changed address with a new token',
      { baseUrl: 'https://app.teamsupport.com', apiToken: 't' },
      undefined,
    ],
  ])('%s → %s', (_case, patch, expected) => {
    expect(tokenNeededBecause({ ...draftFromView(view), ...patch })).toBe(expected);
  });

  it('agrees with the backend, which refuses the changed address without a token', () => {
    const draft = { ...draftFromView(view), baseUrl: 'https://app.teamsupport.com' };
    const result = validateInstanceInput(toInstanceInput(draft), [], {
      tokenRequired: false,
      previous: { baseUrl: view.baseUrl, organizationId: view.organizationId },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'apiToken', message: `Enter the API token again: ${tokenNeededBecause(draft) ?? ''}.` },
      ],
    });
  });

  it('keeps the earlier-actions switches through an edit: on for escalation, off for linking unless set', () => {
    expect(draftFromView(view).copyEarlierActions).toEqual({ onEscalation: true, onLink: false });
    const draft = {
      ...draftFromView({ ...view, copyEarlierActions: { onEscalation: false, onLink: true } }),
    };
    expect(validateInstanceInput(toInstanceInput(draft), [], { tokenRequired: false })).toMatchObject({
      ok: true,
      value: { copyEarlierActions: { onEscalation: false, onLink: true } },
    });
  });

  it('asks nothing of a new instance: its token is required anyway', () => {
    expect(tokenNeededBecause({ ...emptyDraft(), baseUrl: 'https://app.teamsupport.com' })).toBeUndefined();
  });
});
