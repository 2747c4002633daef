// Reading a ticket's escalation field: which values ask for a new Jira issue.
import { ESCALATION_VALUES, escalationRequest } from './escalation-request';

describe('escalationRequest', () => {
  it.each([
    ['NEW', { kind: 'new' }],
    [' new ', { kind: 'new' }],
    ['NewJiraIssue', { kind: 'new' }],
    ['sup-12', { kind: 'key', key: 'SUP-12' }],
    ['SUP-', { kind: 'invalid' }],
    ['newer', { kind: 'invalid' }],
  ])('reads %j', (value, expected) => {
    expect(escalationRequest(value)).toEqual(expected);
  });

  it('reads an empty field as no request', () => {
    expect(escalationRequest('  ')).toBeUndefined();
    expect(escalationRequest(null)).toBeUndefined();
  });

  it('reads every value the pull searches for as a request for a new issue', () => {
    for (const value of ESCALATION_VALUES) expect(escalationRequest(value)).toEqual({ kind: 'new' });
  });
});
