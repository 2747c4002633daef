// Holds manifest.yml and the code to each other: every function handler is an export of src/index.ts, every export
// is used by the manifest, and every resource folder holds a built index.html. (Atlassian's own full validation runs
// as its own step of `npm test`: scripts/validate-manifest.ts.)
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as app from '../../src';
import { loadManifest } from '../../sandbox/runtime/manifest';

const appDir = path.resolve(__dirname, '../..');
const manifest = loadManifest(appDir);
const exported = new Map<string, unknown>(Object.entries(app));

describe('manifest.yml ↔ src/index.ts', () => {
  it('points every function at an exported function of src/index.ts', () => {
    for (const fn of manifest.functions.values()) {
      expect({ key: fn.key, file: fn.file }).toEqual({ key: fn.key, file: 'index' });
      expect({ key: fn.key, type: typeof exported.get(fn.exportName) }).toEqual({
        key: fn.key,
        type: 'function',
      });
    }
  });

  it('uses every export of src/index.ts', () => {
    const used = new Set([...manifest.functions.values()].map((fn) => fn.exportName));
    expect([...exported.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it('uses every function it declares in some module', () => {
    const unused = [...manifest.functions.values()].filter((fn) => fn.kinds.length === 0).map((fn) => fn.key);
    expect(unused).toEqual([]);
  });

  it('has a built index.html in every resource folder', () => {
    for (const resource of manifest.raw.resources) {
      expect({
        resource: resource.key,
        built: existsSync(path.join(appDir, resource.path, 'index.html')),
      }).toEqual({
        resource: resource.key,
        built: true,
      });
    }
  });
});
