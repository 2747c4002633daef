// Which Jira comments may leave Jira (fail closed): visibility, JSM internal notes, unreadable flags, security
// levels.
import type { JiraComment } from './jira';
import { commentPrivacy } from './privacy';

const publicComment: JiraComment = {
  id: '1',
  issueId: '10001',
  authorAccountId: 'a1',
  authorName: 'Alice',
  body: { type: 'doc', version: 1, content: [] },
  created: '2026-11-21T10:00:00.000+0000',
  updated: '2026-11-21T10:00:00.000+0000',
  visibility: null,
  jsdPublic: undefined,
  properties: {},
};
const openIssue = { securityLevel: null };

describe('commentPrivacy (fail closed)', () => {
  it.each<[string, Partial<JiraComment>, { securityLevel: string | null }, boolean, RegExp | undefined]>([
    ['a plain public comment', {}, openIssue, true, undefined],
    [
      'a public JSM reply',
      { jsdPublic: true, properties: { 'sd.public.comment': { internal: false } } },
      openIssue,
      true,
      undefined,
    ],
    [
      'a role-restricted comment',
      { visibility: { type: 'role', value: 'Developers' } },
      openIssue,
      false,
      /role "Developers"/,
    ],
    [
      'a group-restricted comment',
      { visibility: { type: 'group', value: 'jira-devs' } },
      openIssue,
      false,
      /group/,
    ],
    [
      'an unreadable visibility',
      { visibility: { type: 'unknown', value: 'unreadable visibility' } },
      openIssue,
      false,
      /restricted/,
    ],
    ['a JSM internal note (jsdPublic false)', { jsdPublic: false }, openIssue, false, /internal note/],
    [
      'a JSM internal note (property)',
      { properties: { 'sd.public.comment': { internal: true } } },
      openIssue,
      false,
      /internal note/,
    ],
    [
      'a JSM internal note (string flag)',
      { properties: { 'sd.public.comment': { internal: 'true' } } },
      openIssue,
      false,
      /internal/,
    ],
    [
      'an unreadable JSM property',
      { properties: { 'sd.public.comment': 'yes' } },
      openIssue,
      false,
      /could not be read/,
    ],
    [
      'a JSM property with an odd flag',
      { properties: { 'sd.public.comment': { internal: 1 } } },
      openIssue,
      false,
      /could not be read/,
    ],
    [
      'a comment on an issue with a security level',
      {},
      { securityLevel: 'Staff only' },
      false,
      /security level "Staff only"/,
    ],
  ])('%s', (_name, overrides, issue, shareable, reason) => {
    const verdict = commentPrivacy({ ...publicComment, ...overrides }, issue);
    expect(verdict.shareable).toBe(shareable);
    if (!verdict.shareable) expect(verdict.reason).toMatch(reason ?? /./);
  });
});
