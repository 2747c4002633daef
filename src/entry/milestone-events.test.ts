// Parsing of the milestone product events (entry/milestone-events.ts): what is read, what is refused, what is left out.
import { milestoneEventSchema, milestoneOf, milestoneTime } from './milestone-events';

const released = {
  eventType: 'avi:jira:released:version',
  atlassianId: '712020:alice',
  version: {
    self: 'https://example.atlassian.net/rest/api/3/version/10042',
    id: '10042',
    name: '2.1',
    description: '',
    archived: false,
    released: true,
    releaseDate: '2025-03-14',
    projectId: 10000,
  },
};

const closed = {
  eventType: 'avi:jira-software:closed:sprint',
  sprint: {
    id: 7,
    state: 'closed',
    name: 'Sprint 7',
    startDate: '2025-03-01T09:00:00.000Z',
    endDate: '2025-03-14T17:00:00.000Z',
    completeDate: '2025-03-14T16:30:00.000Z',
    originBoardId: 1,
    goal: '',
  },
};

describe('milestone events', () => {
  it('reads a released version', () => {
    const event = milestoneEventSchema.parse(released);
    expect(milestoneOf(event)).toEqual({
      type: 'version',
      id: '10042',
      name: '2.1',
      releaseDate: '2025-03-14',
      projectId: '10000',
    });
  });

  it('reads a closed sprint; a blank goal is no goal', () => {
    const milestone = milestoneOf(milestoneEventSchema.parse(closed));
    expect(milestone).toEqual({
      type: 'sprint',
      id: '7',
      name: 'Sprint 7',
      startDate: '2025-03-01T09:00:00.000Z',
      endDate: '2025-03-14T17:00:00.000Z',
      completeDate: '2025-03-14T16:30:00.000Z',
    });
    expect(milestoneTime(milestone, new Date('2025-04-01T00:00:00.000Z'))).toBe('2025-03-14T16:30:00.000Z');
  });

  it('dates a release by its arrival (a version has a day, not a time)', () => {
    const milestone = milestoneOf(milestoneEventSchema.parse(released));
    expect(milestoneTime(milestone, new Date('2025-04-01T00:00:00.000Z'))).toBe('2025-04-01T00:00:00.000Z');
  });

  it('keeps the milestone when only a date is unreadable', () => {
    const event = milestoneEventSchema.parse({
      ...released,
      version: { ...released.version, releaseDate: '14/03/2025' },
    });
    expect(milestoneOf(event)).not.toHaveProperty('releaseDate');
  });

  it.each([
    ['an id that is not digits', { ...released, version: { ...released.version, id: '1 OR 1=1' } }],
    ['a version without a name', { ...released, version: { ...released.version, name: undefined } }],
    ['a sprint without an id', { ...closed, sprint: { ...closed.sprint, id: undefined } }],
    ['another event', { eventType: 'avi:jira:unreleased:version', version: released.version }],
  ])('refuses %s', (_case, payload) => {
    expect(milestoneEventSchema.safeParse(payload).success).toBe(false);
  });
});
