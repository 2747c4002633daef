// The pure rules of milestones (domain/milestone.ts): the release note, its keys, the search, the Brevo properties.
import {
  milestoneEventProperties,
  milestoneJql,
  milestoneRef,
  releaseDateText,
  releaseNoteId,
  releaseNoteSentence,
  releaseStatusId,
  type ClosedSprint,
  type ReleasedVersion,
} from './milestone';

const version: ReleasedVersion = {
  type: 'version',
  id: '10042',
  name: '2.1',
  releaseDate: '2025-03-14',
  projectId: '10000',
};
const sprint: ClosedSprint = {
  type: 'sprint',
  id: '7',
  name: 'Sprint 7',
  goal: 'Ship exports',
  endDate: '2025-03-14T17:00:00.000Z',
  completeDate: '2025-03-14T16:30:00.000Z',
};

describe('the release note', () => {
  it('names the version, its date, the issue key and summary', () => {
    expect(
      releaseNoteSentence(version, '2025-03-20T08:00:00.000Z', { key: 'SUP-12', summary: 'Export fails' }),
    ).toBe('Fixed in 2.1 (released 2025-03-14): SUP-12 Export fails');
  });

  it('takes the day the release arrived when the version has no date, and reads blank summaries cleanly', () => {
    const undated = { name: '2.2' };
    expect(releaseNoteSentence(undated, '2025-03-20T23:59:00.000Z', { key: 'SUP-3', summary: '  ' })).toBe(
      'Fixed in 2.2 (released 2025-03-20): SUP-3',
    );
    expect(releaseDateText({ releaseDate: 'soon' }, 'not a date')).toBe('date not set');
  });

  it('keys the note by version and issue, and the status move by version alone (the ticket completes the key)', () => {
    expect(releaseNoteId('10042', '10001')).toBe('release:10042:10001');
    expect(releaseNoteId('10042', '10001')).not.toBe(releaseNoteId('10043', '10001'));
    expect(releaseStatusId('10042')).toBe('release-status:10042');
  });
});

describe('the milestone search', () => {
  it('orders by id and narrows by the account scope; a sprint counts done issues only', () => {
    expect(milestoneJql(version)).toBe('fixVersion = 10042 ORDER BY id ASC');
    expect(milestoneJql(sprint, 'project in ("SUP")')).toBe(
      'sprint = 7 AND statusCategory = Done AND project in ("SUP") ORDER BY id ASC',
    );
  });

  it('refuses an id that is not digits, so nothing can be slipped into the JQL', () => {
    expect(() => milestoneJql({ type: 'version', id: '1 OR 1=1' })).toThrow(/not a Jira id/);
  });
});

describe('the Brevo properties', () => {
  it('describe a release with the contact’s own issues', () => {
    expect(milestoneRef(version)).toBe('version-10042');
    expect(milestoneEventProperties(version, { issueKeys: ['SUP-1', 'SUP-2'], projectKey: 'SUP' })).toEqual({
      version: '2.1',
      version_id: '10042',
      release_date: '2025-03-14',
      project: 'SUP',
      issue_keys: 'SUP-1, SUP-2',
      issue_count: 2,
    });
  });

  it('describe a closed sprint', () => {
    expect(milestoneRef(sprint)).toBe('sprint-7');
    expect(milestoneEventProperties(sprint, { issueKeys: ['SUP-9'], projectKey: 'SUP' })).toEqual({
      sprint: 'Sprint 7',
      sprint_id: 7,
      goal: 'Ship exports',
      end_date: '2025-03-14T17:00:00.000Z',
      complete_date: '2025-03-14T16:30:00.000Z',
      issue_keys: 'SUP-9',
      issue_count: 1,
    });
  });

  it('cut a very long key list to fit Brevo’s property limit but count every issue', () => {
    const keys = Array.from({ length: 6_000 }, (_, i) => `LONGPROJECT-${i + 1}`);
    const properties = milestoneEventProperties(version, { issueKeys: keys, projectKey: 'LONGPROJECT' });
    expect(properties.issue_count).toBe(6_000);
    expect(Buffer.byteLength(String(properties.issue_keys), 'utf8')).toBeLessThanOrEqual(40 * 1024);
    expect(String(properties.issue_keys).endsWith('…')).toBe(true);
  });
});
