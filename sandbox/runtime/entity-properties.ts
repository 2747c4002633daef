// The app's `jira:entityProperty` modules, read from manifest.yml: what installing the app asks Jira to index for JQL.
// The sandbox hands them to the Jira emulator (`startJiraEmulator({ entityProperties })`), so the emulator searches
// exactly the issue property paths real Jira would, under their declared types and search aliases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { entityPropertyModuleSchema, type EntityPropertyModule } from '../jira/jql/property-index';

const manifestModulesSchema = z.looseObject({
  modules: z.looseObject({ 'jira:entityProperty': z.array(entityPropertyModuleSchema).default([]) }),
});

/** The modules of the manifest in `appDir` (this repository by default). */
export function appEntityProperties(appDir = path.resolve(__dirname, '..', '..')): EntityPropertyModule[] {
  const manifest = manifestModulesSchema.parse(
    parse(readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')),
  );
  return manifest.modules['jira:entityProperty'];
}
