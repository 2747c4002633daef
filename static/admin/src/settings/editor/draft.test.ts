// The editor's output is the backend's input: checked against the real InstanceInput schema (src/domain/config), so a
// renamed or missing contract field fails here rather than in production.
import { describe, expect, it } from '@jest/globals';
import { validateInstanceInput } from '../../../../../src/domain/config';
import type { InstanceView } from '../../api';
import { draftFromView, emptyDraft, newRowKey, toInstanceInput } from './draft';

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
      apiToken: 't',
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
      },
    });
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
