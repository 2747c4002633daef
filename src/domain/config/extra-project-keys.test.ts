// The instance setting `extraProjectKeys`: more Jira projects a ticket's correlation field may link (README.md,
// "Configuration reference"). Checked from the admin's input through the stored record to the admin page's view.
import { validateInstanceInput } from './instance-input';
import { InstanceViewSchema, toInstanceView, toStoredInstance } from './stored-instance';

/** `expect.stringMatching` is typed `any`; this keeps the matcher out of the `any` lint rules. */
function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}

const input = {
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  apiToken: 'token-4c1d',
};

function validate(extraProjectKeys: unknown) {
  return validateInstanceInput(extraProjectKeys === undefined ? input : { ...input, extraProjectKeys }, []);
}

describe('extraProjectKeys: accepted input', () => {
  it.each<[string, unknown, string[]]>([
    ['left out: no extra projects', undefined, []],
    ['an empty list', [], []],
    ['valid keys, in order', ['OPS', 'SEC_1', 'HR'], ['OPS', 'SEC_1', 'HR']],
    ['keys typed in lower or mixed case, upper-cased', ['ops', 'Sec_1'], ['OPS', 'SEC_1']],
    ['spaces around a key, trimmed', ['  OPS '], ['OPS']],
    ['a key listed twice (in any case), kept once', ['OPS', 'ops', ' Ops', 'HR'], ['OPS', 'HR']],
    [
      '100 keys',
      Array.from({ length: 100 }, (_, i) => `P${i}`),
      Array.from({ length: 100 }, (_, i) => `P${i}`),
    ],
  ])('%s', (_case, extraProjectKeys, expected) => {
    expect(validate(extraProjectKeys)).toMatchObject({ ok: true, value: { extraProjectKeys: expected } });
  });
});

describe('extraProjectKeys: rejected input', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['a project name instead of a key', ['Operations team'], 'extraProjectKeys.0', /not a Jira project key/],
    ['an issue key', ['OPS', 'OPS-12'], 'extraProjectKeys.1', /not a Jira project key/],
    ['a key starting with a digit', ['1OPS'], 'extraProjectKeys.0', /not a Jira project key/],
    ['a one-letter key', ['O'], 'extraProjectKeys.0', /not a Jira project key/],
    ['a key over 10 characters', ['OPERATIONS_X'], 'extraProjectKeys.0', /not a Jira project key/],
    ['a blank entry', ['OPS', '  '], 'extraProjectKeys.1', /not a Jira project key/],
    ['a non-text entry', [42], 'extraProjectKeys.0', /Enter a Jira project key/],
    ['comma-separated text instead of a list', 'OPS, HR', 'extraProjectKeys', /list of Jira project keys/],
    [
      'more than 100 keys',
      Array.from({ length: 101 }, (_, i) => `P${i}`),
      'extraProjectKeys',
      /at most 100 project keys/,
    ],
  ])('%s', (_case, extraProjectKeys, path, message) => {
    const result = validate(extraProjectKeys);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ path, message: matching(message) }]);
  });
});

describe('extraProjectKeys: stored and shown', () => {
  it('is stored as validated and shown to the admin page', () => {
    const result = validate(['ops', 'HR']);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const stored = toStoredInstance(result.value, {
      id: 'inst-1',
      now: new Date('2024-05-01T10:00:00.000Z'),
    });
    expect(stored.extraProjectKeys).toEqual(['OPS', 'HR']);
    const view = InstanceViewSchema.parse(toInstanceView(stored, true));
    expect(view).toMatchObject({ extraProjectKeys: ['OPS', 'HR'], hasToken: true });
  });
});
