// The "Faster sync" fields against the backend: what the editor sends is checked with the real InstanceInput schema
// (src/domain/config), and the defaults and ranges the page shows are the backend's.
import { describe, expect, it } from '@jest/globals';
import { validateInstanceInput } from '../../../../../src/domain/config';
import {
  DEFAULT_HOT_CHECK_SECONDS,
  DEFAULT_HOT_TICKET_CAP,
  DEFAULT_HOT_WINDOW_MINUTES,
} from '../../../../../src/sync/inbound/hot-settings';
import type { InstanceView } from '../../api';
import { draftFromView, toInstanceInput } from './draft';
import {
  FASTER_SYNC_KEYS,
  FASTER_SYNC_SETTINGS,
  fasterSyncCostText,
  fasterSyncInputOf,
  fasterSyncSummary,
  wholeNumberOf,
  type FasterSyncDraft,
} from './faster-sync';

const view: InstanceView = {
  id: 'ts-eu',
  kind: 'teamsupport',
  name: 'Support EU',
  baseUrl: 'https://app.na2.teamsupport.com',
  organizationId: '1234567',
  active: true,
  alwaysUseDefaultProjectKey: false,
  pullActionTypes: 'all',
  commentActionType: 'Comment',
  actionsVisibleOnPortal: false,
  updateTicketStatus: false,
  includeNonRequiredFields: false,
  ticketTypes: 'all',
  fieldMappings: [],
  typeMappings: [],
  statusMappings: [],
  projectMappings: [],
  extraProjectKeys: [],
  announceReleases: true,
  releaseNoteVisibleOnPortal: false,
  hasToken: true,
};

function saved(fasterSync: Partial<FasterSyncDraft>) {
  const draft = draftFromView(view);
  return validateInstanceInput(
    toInstanceInput({ ...draft, fasterSync: { ...draft.fasterSync, ...fasterSync } }),
    [],
    { tokenRequired: false },
  );
}

describe('faster sync settings', () => {
  it('shows the backend’s defaults', () => {
    expect(FASTER_SYNC_SETTINGS.hotWindowMinutes.fallback).toBe(DEFAULT_HOT_WINDOW_MINUTES);
    expect(FASTER_SYNC_SETTINGS.hotCheckSeconds.fallback).toBe(DEFAULT_HOT_CHECK_SECONDS);
    expect(FASTER_SYNC_SETTINGS.hotTicketCap.fallback).toBe(DEFAULT_HOT_TICKET_CAP);
  });

  it('sends stored values back as they were, and leaves blank ones out (the backend reads them as the defaults)', () => {
    const stored = { ...view, hotWindowMinutes: 15, hotCheckSeconds: 30, hotTicketCap: 0 };
    const input = toInstanceInput(draftFromView(stored));
    expect(input).toMatchObject({ hotWindowMinutes: 15, hotCheckSeconds: 30, hotTicketCap: 0 });
    expect(validateInstanceInput(input, [], { tokenRequired: false })).toMatchObject({
      ok: true,
      value: { hotWindowMinutes: 15, hotCheckSeconds: 30, hotTicketCap: 0 },
    });
    const blank = toInstanceInput(draftFromView(view));
    for (const key of FASTER_SYNC_KEYS) expect(blank).not.toHaveProperty(key);
  });

  it.each<[string, number | null | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['45', 45],
    [' 0 ', 0],
    ['4.5', null],
    ['-1', null],
    ['ten', null],
  ])('reads %p as %p', (text, expected) => {
    expect(wholeNumberOf(text)).toBe(expected);
  });

  it.each(FASTER_SYNC_KEYS)('accepts %s at both ends of its range', (key) => {
    const { min, max } = FASTER_SYNC_SETTINGS[key];
    for (const value of [min, max]) {
      expect(saved({ [key]: String(value) })).toMatchObject({ ok: true, value: { [key]: value } });
    }
  });

  it.each(FASTER_SYNC_KEYS)(
    'lets the backend refuse %s outside its range or not a whole number, naming the rule the page shows',
    (key) => {
      const { label, min, max } = FASTER_SYNC_SETTINGS[key];
      for (const text of [String(min - 1), String(max + 1), '2.5', 'soon']) {
        expect(saved({ [key]: text })).toEqual({
          ok: false,
          issues: [{ path: key, message: `${label} must be a whole number from ${min} to ${max}.` }],
        });
      }
    },
  );

  it('sends only the settings that are set', () => {
    expect(fasterSyncInputOf({ hotWindowMinutes: '', hotCheckSeconds: '30', hotTicketCap: 'x' })).toEqual({
      hotCheckSeconds: 30,
      hotTicketCap: null,
    });
  });
});

describe('fasterSyncCostText', () => {
  it('says what the defaults cost: 13 reads a window, 1,600 an hour at the cap', () => {
    expect(fasterSyncCostText({ hotWindowMinutes: '', hotCheckSeconds: '', hotTicketCap: '' })).toBe(
      'A hot ticket is read every 45 s for 10 min: about 13 TeamSupport requests each time it turns hot. ' +
        'With 20 tickets hot at once that is at most 1,600 requests an hour; hot checks pause while the pull is ' +
        'slowed near your daily limit.',
    );
  });

  it('follows the typed values, says when faster sync is off, and says nothing while a value breaks its rule', () => {
    expect(fasterSyncCostText({ hotWindowMinutes: '5', hotCheckSeconds: '30', hotTicketCap: '2' })).toContain(
      'every 30 s for 5 min: about 10 TeamSupport requests',
    );
    expect(fasterSyncCostText({ hotWindowMinutes: '', hotCheckSeconds: '', hotTicketCap: '0' })).toBe(
      'Faster sync is off: new actions reach Jira with the five-minute pull.',
    );
    expect(
      fasterSyncCostText({ hotWindowMinutes: '', hotCheckSeconds: '10', hotTicketCap: '' }),
    ).toBeUndefined();
  });
});

describe('fasterSyncSummary', () => {
  it.each<[Partial<Pick<InstanceView, 'hotWindowMinutes' | 'hotCheckSeconds' | 'hotTicketCap'>>, string]>([
    [{}, 'Every 45 s for 10 min'],
    [{ hotCheckSeconds: 30, hotWindowMinutes: 5 }, 'Every 30 s for 5 min'],
    [{ hotTicketCap: 0 }, 'Off'],
  ])('%p → %p', (settings, text) => {
    expect(fasterSyncSummary(settings)).toBe(text);
  });
});
