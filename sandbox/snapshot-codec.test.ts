// The emulators' snapshot file format: Maps, Sets and Dates round-trip; other formats, versions and bodies refused.
import { serialize } from 'node:v8';
import { z } from 'zod';
import { dateOf, decodeSnapshot, encodeSnapshot, fill, mapOf, setOf } from './snapshot-codec';

const FORMAT = 'test-emulator-state';

const reading = {
  format: FORMAT,
  version: 3,
  label: 'Test',
  freshStart: 'a clean slate',
  schema: z.object({
    rows: mapOf(z.number(), z.object({ name: z.string(), at: dateOf() })),
    tags: setOf(z.string()),
  }),
};

describe('encodeSnapshot and decodeSnapshot', () => {
  it('bring back Maps, Sets and Dates, an invalid date included', () => {
    const body = {
      rows: new Map([
        [1, { name: 'first', at: new Date('2024-05-01T10:00:00Z') }],
        [2, { name: 'never', at: new Date(Number.NaN) }],
      ]),
      tags: new Set(['a', 'b']),
    };

    const restored = decodeSnapshot(encodeSnapshot(FORMAT, 3, body), reading);

    expect(restored.rows).toBeInstanceOf(Map);
    expect(restored.rows.get(1)).toEqual({ name: 'first', at: new Date('2024-05-01T10:00:00Z') });
    expect(restored.rows.get(1)?.at).toBeInstanceOf(Date);
    // jest's equality does not hold for two invalid dates, so that row is compared field by field
    expect(restored.rows.get(2)?.name).toBe('never');
    expect(restored.rows.get(2)?.at).toBeInstanceOf(Date);
    expect(restored.rows.get(2)?.at.getTime()).toBeNaN();
    expect(restored.tags).toEqual(new Set(['a', 'b']));
  });

  it('refuses a document of another format, naming the emulator and what --reset gives', () => {
    const saved = encodeSnapshot('other-emulator-state', 3, { rows: new Map(), tags: new Set() });

    expect(() => decodeSnapshot(saved, reading)).toThrow(
      'The saved Test emulator state is unreadable (not a test-emulator-state document). ' +
        'Start with --reset to begin with a clean slate.',
    );
  });

  it('refuses another version of the format', () => {
    const saved = encodeSnapshot(FORMAT, 4, { rows: new Map(), tags: new Set() });

    expect(() => decodeSnapshot(saved, reading)).toThrow('(format version 4, this emulator reads version 3)');
  });

  it('refuses bytes that are no v8 serialization', () => {
    expect(() => decodeSnapshot(Buffer.from('not a snapshot'), reading)).toThrow(
      /The saved Test emulator state is unreadable \(not a v8 serialization: .+\)/,
    );
  });

  it('refuses a body that does not pass the schema, saying where', () => {
    const saved = serialize({
      format: FORMAT,
      version: 3,
      rows: new Map([[1, { name: 7 }]]),
      tags: new Set(),
    });

    expect(() => decodeSnapshot(saved, reading)).toThrow(/invalid content:\n[\s\S]*rows/);
  });
});

describe('fill', () => {
  it('adds the saved entries to the table it is given, keeping that table', () => {
    const table = new Map([['kept', 1]]);

    fill(table, new Map([['saved', 2]]));

    expect([...table]).toEqual([
      ['kept', 1],
      ['saved', 2],
    ]);
  });
});
