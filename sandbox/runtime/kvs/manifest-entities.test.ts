// Reading the app's storage entities from manifest.yml into the KVS emulator, and refusing bad declarations.
import { entitiesFromManifest, KvsEmulator } from './emulator';
import { SAMPLE_MANIFEST_ENTITIES } from './kvs.test-support';

describe('entitiesFromManifest', () => {
  it('turns bare index names into range-only indexes and takes range from its one-element list', () => {
    expect(entitiesFromManifest(SAMPLE_MANIFEST_ENTITIES)).toEqual([
      {
        name: 'link',
        attributes: {
          issueId: { type: 'string' },
          instanceId: { type: 'string' },
          ticketId: { type: 'string' },
          updatedAt: { type: 'integer' },
          state: { type: 'string' },
          score: { type: 'float' },
          open: { type: 'boolean' },
          tags: { type: 'any' },
        },
        indexes: [
          { name: 'issueId', partition: [], range: 'issueId' },
          { name: 'by-ticket', partition: ['instanceId', 'ticketId'], range: 'updatedAt' },
        ],
      },
      { name: 'mirror', attributes: { source: { type: 'string' } }, indexes: [] },
      {
        name: 'event',
        attributes: { instanceId: { type: 'string' }, at: { type: 'integer' }, level: { type: 'string' } },
        indexes: [
          { name: 'by-instance', partition: ['instanceId'], range: 'at' },
          { name: 'by-level', partition: ['level'] },
        ],
      },
    ]);
  });

  it('accepts a string range and a missing storage section', () => {
    const raw = [
      { name: 'e', attributes: { a: { type: 'string' } }, indexes: [{ name: 'by-a', range: 'a' }] },
    ];
    expect(entitiesFromManifest(raw)).toEqual([
      {
        name: 'e',
        attributes: { a: { type: 'string' } },
        indexes: [{ name: 'by-a', partition: [], range: 'a' }],
      },
    ]);
    expect(entitiesFromManifest(undefined)).toEqual([]);
  });

  it('refuses malformed declarations', () => {
    expect(() => entitiesFromManifest([{ name: 'e', attributes: { a: { type: 'date' } } }])).toThrow(
      /app\.storage\.entities/,
    );
    const twoRanges = [{ name: 'e', attributes: {}, indexes: [{ name: 'i', range: ['a', 'b'] }] }];
    expect(() => entitiesFromManifest(twoRanges)).toThrow(/index 'i' has more than one range attribute/);
  });
});

describe('KvsEmulator entity declarations', () => {
  it('refuses indexes over undeclared attributes, duplicate indexes and duplicate entities', () => {
    const attributes = { a: { type: 'string' as const } };
    expect(
      () =>
        new KvsEmulator({
          entities: [{ name: 'e', attributes, indexes: [{ name: 'i', partition: ['b'] }] }],
        }),
    ).toThrow(/undeclared attribute 'b'/);
    expect(
      () =>
        new KvsEmulator({
          entities: [{ name: 'e', attributes, indexes: [{ name: 'by-key', partition: ['a'] }] }],
        }),
    ).toThrow(/duplicate index 'by-key'/);
    expect(
      () =>
        new KvsEmulator({
          entities: [
            { name: 'e', attributes, indexes: [] },
            { name: 'e', attributes, indexes: [] },
          ],
        }),
    ).toThrow(/Duplicate entity 'e'/);
  });
});
