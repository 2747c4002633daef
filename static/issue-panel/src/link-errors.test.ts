// The panel's messages when linking a ticket fails, from the backend's error codes and words.
import { describe, expect, it } from '@jest/globals';
import { linkErrorMessage } from './link-errors';

const error = (code: string, details?: unknown) => ({ code, message: `backend says ${code}`, details });

describe('linkErrorMessage', () => {
  it.each([
    [
      'TICKET_NOT_FOUND',
      'There is no ticket #12 in Support EU. Check the number in TeamSupport and try again.',
    ],
    [
      'INSTANCE_INACTIVE',
      "Sync is turned off for Support EU. Ask a Jira administrator to activate it in the app's settings.",
    ],
    ['FORBIDDEN', "You don't have permission to link tickets to this issue."],
    [
      'UPSTREAM_ERROR',
      'TeamSupport could not be reached, so the ticket was not linked. Try again in a moment.',
    ],
  ])('explains %s', (code, message) => {
    expect(linkErrorMessage(error(code), '12', 'Support EU')).toBe(message);
  });

  it("gives the backend's words for the field of an INVALID_INPUT", () => {
    const invalid = error('INVALID_INPUT', {
      issues: [{ path: 'ticket', message: 'Enter a ticket number, like 1234, or words from its subject.' }],
    });
    expect(linkErrorMessage(invalid, 'abc', undefined)).toBe(
      'Enter a ticket number, like 1234, or words from its subject.',
    );
  });

  it('names the instance only when there is a choice of instances', () => {
    expect(linkErrorMessage(error('TICKET_NOT_FOUND'), '12', undefined)).toBe(
      'There is no ticket #12. Check the number in TeamSupport and try again.',
    );
  });

  it("uses the backend's word on where a ticket is already linked (it knows what the user may see)", () => {
    expect(linkErrorMessage(error('ALREADY_LINKED'), '12', undefined)).toBe('backend says ALREADY_LINKED');
    expect(linkErrorMessage({ code: 'ALREADY_LINKED', message: '' }, '12', undefined)).toMatch(
      /already linked to a Jira issue/,
    );
  });

  it("falls back to the backend's message for other codes", () => {
    expect(linkErrorMessage(error('RATE_LIMITED'), '12', undefined)).toBe('backend says RATE_LIMITED');
  });
});
