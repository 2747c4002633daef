// Snapshot files of the sandbox's data folder, for `npm start` to keep the emulators' state between runs. Writes are
// atomic (temp file + rename), so a crash mid-save leaves the previous snapshot, never half a file.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The saved bytes, or undefined when nothing was saved yet. */
export function readSnapshot(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    // Checked structurally: fs errors may come from another realm (e.g. under jest), so instanceof is unreliable.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return undefined;
    throw error;
  }
}

/**
 * Saves `snapshot` unless it is byte-identical to `previous` (what was read or last written), so a save loop can
 * run every second without touching the disk while nothing changes. Returns whether it wrote.
 */
export function writeSnapshotIfChanged(file: string, snapshot: Buffer, previous?: Buffer): boolean {
  if (previous?.equals(snapshot)) return false;
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temp, snapshot);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return true;
}
