// The sync log's level (info, warning, error) as a lozenge, and the level names the filters use.
import Lozenge from '@atlaskit/lozenge';
import type { SyncLevel } from '../api';

const LEVELS = {
  info: { label: 'Info', appearance: 'default' },
  warn: { label: 'Warning', appearance: 'moved' },
  error: { label: 'Error', appearance: 'removed' },
} as const;

export const LEVEL_LABELS: Record<SyncLevel, string> = { info: 'Info', warn: 'Warning', error: 'Error' };

export function LevelLozenge({ level }: { level: SyncLevel }) {
  const { label, appearance } = LEVELS[level];
  return <Lozenge appearance={appearance}>{label}</Lozenge>;
}
