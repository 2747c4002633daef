// Holds manifest.yml and the code to each other: every function handler is an export of src/index.ts, every export
// is used by the manifest, and every resource folder holds a built index.html. (Atlassian's own full validation runs
// as its own step of `npm test`: scripts/validate-manifest.ts.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import * as app from '../../src';
import { loadManifest } from '../../sandbox/runtime/manifest';
import { ESCALATION_PROPERTY } from '../../src/sync/inbound/escalation';

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

describe('manifest.yml ↔ the JQL the app runs', () => {
  it('indexes the issue property that finds an escalated issue after a lost answer', () => {
    // Real Jira answers JQL on an app's issue property only when a jira:entityProperty module indexes it; so does the
    // Jira emulator (given manifest.yml's modules), and this test names the one index a lost answer depends on.
    const modules = z
      .array(
        z.object({
          entityType: z.string().optional(),
          propertyKey: z.string(),
          values: z.array(z.object({ path: z.string(), type: z.string() })),
        }),
      )
      .parse(
        z
          .object({ modules: z.looseObject({ 'jira:entityProperty': z.unknown() }) })
          .parse(parse(readFileSync(path.join(appDir, 'manifest.yml'), 'utf8'))).modules[
          'jira:entityProperty'
        ],
      );
    const indexed = modules.find((module) => module.propertyKey === ESCALATION_PROPERTY);
    expect(indexed?.entityType ?? 'issue').toBe('issue');
    expect(indexed?.values).toContainEqual({ path: 'ticket', type: 'string' });
  });
});
