// The "Faster sync" settings in the editor (issue 19; README, "How soon a ticket's new action reaches Jira"): how long
// a ticket stays hot after activity, how often a hot ticket is read, how many tickets may be hot at a time. The text
// is kept as typed; blank sends nothing, so the backend applies its default (src/sync/inbound/hot-settings.ts), and
// text that is no whole number goes as `null`, which the backend answers with the setting's rule
// (src/domain/config/teamsupport-settings.ts), as every other field of the editor is validated.
import type { InstanceView } from '../../api';

export interface FasterSyncSetting {
  /** the words the backend's message starts with, so the label and the message name the same thing */
  label: string;
  unit: string;
  min: number;
  max: number;
  /** what the backend uses when the setting is blank */
  fallback: number;
}

export const FASTER_SYNC_SETTINGS = {
  hotWindowMinutes: { label: 'Hot window', unit: 'minutes', min: 1, max: 60, fallback: 10 },
  hotCheckSeconds: { label: 'Hot check interval', unit: 'seconds', min: 30, max: 60, fallback: 45 },
  hotTicketCap: { label: 'Hot tickets at a time', unit: 'tickets', min: 0, max: 50, fallback: 20 },
} as const satisfies Record<string, FasterSyncSetting>;

export type FasterSyncKey = keyof typeof FASTER_SYNC_SETTINGS;
export const FASTER_SYNC_KEYS: readonly FasterSyncKey[] = [
  'hotWindowMinutes',
  'hotCheckSeconds',
  'hotTicketCap',
];

/** The three settings as typed; '' means the default. */
export type FasterSyncDraft = Record<FasterSyncKey, string>;

export function emptyFasterSync(): FasterSyncDraft {
  return { hotWindowMinutes: '', hotCheckSeconds: '', hotTicketCap: '' };
}

export function fasterSyncDraftOf(view: Partial<Pick<InstanceView, FasterSyncKey>>): FasterSyncDraft {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    hotWindowMinutes: text(view.hotWindowMinutes),
    hotCheckSeconds: text(view.hotCheckSeconds),
    hotTicketCap: text(view.hotTicketCap),
  };
}

/** Blank: undefined (the default); a whole number: that number; anything else: null, for the backend to refuse. */
export function wholeNumberOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The part of InstanceInput these settings make: a blank setting is left out. */
export function fasterSyncInputOf(draft: FasterSyncDraft): Partial<Record<FasterSyncKey, number | null>> {
  const input: Partial<Record<FasterSyncKey, number | null>> = {};
  for (const key of FASTER_SYNC_KEYS) {
    const value = wholeNumberOf(draft[key]);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

/** The value the backend will use, or undefined while the text breaks the rule (the save will say why). */
export function effectiveValue(draft: FasterSyncDraft, key: FasterSyncKey): number | undefined {
  const setting = FASTER_SYNC_SETTINGS[key];
  const value = wholeNumberOf(draft[key]);
  if (value === undefined) return setting.fallback;
  return value !== null && value >= setting.min && value <= setting.max ? value : undefined;
}

const numbers = new Intl.NumberFormat('en');

/**
 * What the settings cost, in words: reads per hot window and the most an hour can take at the cap. A check is one
 * ticket read (plus the action list when the ticket changed), and the chain checks while the window lasts
 * (src/sync/inbound/hot-check.ts), so a window holds ⌊window / interval⌋ checks.
 */
export function fasterSyncCostText(draft: FasterSyncDraft): string | undefined {
  const windowMinutes = effectiveValue(draft, 'hotWindowMinutes');
  const checkSeconds = effectiveValue(draft, 'hotCheckSeconds');
  const cap = effectiveValue(draft, 'hotTicketCap');
  if (windowMinutes === undefined || checkSeconds === undefined || cap === undefined) return undefined;
  if (cap === 0) return 'Faster sync is off: new actions reach Jira with the five-minute pull.';
  const perWindow = Math.floor((windowMinutes * 60) / checkSeconds);
  const perHourAtCap = cap * Math.floor(3600 / checkSeconds);
  return (
    `A hot ticket is read every ${checkSeconds} s for ${windowMinutes} min: about ${numbers.format(perWindow)} ` +
    `TeamSupport requests each time it turns hot. With ${numbers.format(cap)} tickets hot at once that is at most ` +
    `${numbers.format(perHourAtCap)} requests an hour; hot checks pause while the pull is slowed near your daily limit.`
  );
}

/** The saved settings at a glance (the editor's sidebar): "Every 45 s for 10 min", or "Off" with a cap of 0. */
export function fasterSyncSummary(view: Partial<Pick<InstanceView, FasterSyncKey>>): string {
  const draft = fasterSyncDraftOf(view);
  if (effectiveValue(draft, 'hotTicketCap') === 0) return 'Off';
  const checkSeconds =
    effectiveValue(draft, 'hotCheckSeconds') ?? FASTER_SYNC_SETTINGS.hotCheckSeconds.fallback;
  const windowMinutes =
    effectiveValue(draft, 'hotWindowMinutes') ?? FASTER_SYNC_SETTINGS.hotWindowMinutes.fallback;
  return `Every ${checkSeconds} s for ${windowMinutes} min`;
}
