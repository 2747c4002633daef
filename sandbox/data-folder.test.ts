// The sandbox's data folder: reading a saved emulator snapshot, and writing one only when its bytes changed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshot, writeSnapshotIfChanged } from './data-folder';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('readSnapshot', () => {
  it('answers undefined when nothing was saved yet', () => {
    expect(readSnapshot(join(folder, 'jira.state'))).toBeUndefined();
  });

  it('returns the saved bytes', () => {
    const file = join(folder, 'jira.state');
    writeFileSync(file, Buffer.from([1, 2, 3]));
    expect(readSnapshot(file)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('passes on other read errors (here: the path is a folder)', () => {
    expect(() => readSnapshot(folder)).toThrow(/EISDIR/);
  });
});

describe('writeSnapshotIfChanged', () => {
  it('creates the data folder and writes the bytes, leaving no temp file behind', () => {
    const file = join(folder, 'nested', 'teamsupport.state');
    expect(writeSnapshotIfChanged(file, Buffer.from('first'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(join(folder, 'nested'))).toEqual(['teamsupport.state']);
  });

  it('skips the write when the bytes equal the previous ones', () => {
    const file = join(folder, 'jira.state');
    const saved = Buffer.from('same');
    writeSnapshotIfChanged(file, saved);
    writeFileSync(file, 'changed on disk by hand');
    expect(writeSnapshotIfChanged(file, Buffer.from('same'), saved)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('changed on disk by hand');
  });

  it('replaces the file when the bytes differ', () => {
    const file = join(folder, 'jira.state');
    const first = Buffer.from('first');
    writeSnapshotIfChanged(file, first);
    expect(writeSnapshotIfChanged(file, Buffer.from('second'), first)).toBe(true);
    expect(readSnapshot(file)?.toString()).toBe('second');
    expect(readdirSync(folder)).toEqual(['jira.state']);
  });

  it('removes its temp file and throws when the write cannot complete (here: the target is a folder)', () => {
    const target = join(folder, 'occupied');
    writeSnapshotIfChanged(join(target, 'inside'), Buffer.from('x'));
    expect(() => writeSnapshotIfChanged(target, Buffer.from('y'))).toThrow();
    expect(readdirSync(folder)).toEqual(['occupied']);
  });
});
