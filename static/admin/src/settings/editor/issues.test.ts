// The instance editor's field paths: control ids, messages at a path, words of the form, stale issues after an edit.
import { describe, expect, it } from '@jest/globals';
import { controlId, describePath, exactly, messagesAt, messagesUnder, under } from './issues';

const issues = [
  { path: 'ticketTypes', message: 'Choose at least one' },
  { path: 'ticketTypes.1', message: '"Bug" is listed twice' },
  { path: 'fieldMappings.0.jiraField', message: 'Enter the Jira field' },
  { path: 'baseUrl', message: 'Use https://' },
];

describe('editor issue paths', () => {
  it('derives control ids from paths', () => {
    expect(controlId('fieldMappings.1.jiraField')).toBe('instance-fieldMappings-1-jiraField');
  });

  it('finds messages at a path, or at and below it', () => {
    expect(messagesAt(issues, 'ticketTypes')).toEqual(['Choose at least one']);
    expect(messagesUnder(issues, 'ticketTypes')).toEqual(['Choose at least one', '"Bug" is listed twice']);
    expect(messagesUnder(issues, 'ticket')).toEqual([]);
  });

  it('describes paths in the words of the form', () => {
    expect(describePath('baseUrl')).toBe('Server address');
    expect(describePath('dailyRequestLimit')).toBe('TeamSupport requests a day');
    expect(describePath('fieldMappings.1.jiraField')).toBe('Field mappings, row 2, Jira field');
    expect(describePath('projectMappings.0.projectKey')).toBe(
      'Product and version mappings, row 1, Project key',
    );
    expect(describePath('ticketTypes.2')).toBe('Ticket types, entry 3');
    expect(describePath('mystery')).toBe('mystery');
    expect(describePath('')).toBe('Instance');
  });

  it('selects the issues an edit makes stale', () => {
    expect(issues.filter((issue) => under('ticketTypes')(issue.path)).length).toBe(2);
    expect(issues.filter((issue) => exactly('fieldMappings.0.jiraField')(issue.path)).length).toBe(1);
    expect(issues.filter((issue) => exactly('fieldMappings')(issue.path)).length).toBe(0);
  });
});
