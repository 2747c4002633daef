// Validates manifest.yml with Atlassian's own validator (full validation: schema, handler files, resource folders,
// keys, triggers, scopes), as `forge deploy` would. Usage: tsx scripts/validate-manifest.ts [appDir]
import path from 'node:path';
import { validate } from '@forge/manifest';

export async function validateManifest(appDir: string): Promise<string[]> {
  const previous = process.cwd();
  // The validator resolves handler files and resources relative to the working directory.
  process.chdir(appDir);
  try {
    const result = await validate(false, 'manifest.yml');
    const problems = (result.errors ?? []).map(
      (e) =>
        `${e.level}: ${e.message}${e.line !== undefined ? ` (manifest.yml:${e.line}:${e.column ?? 0})` : ''}`,
    );
    return result.success
      ? problems.filter((p) => p.startsWith('error'))
      : problems.length > 0
        ? problems
        : ['manifest invalid'];
  } finally {
    process.chdir(previous);
  }
}

async function main(): Promise<void> {
  const appDir = path.resolve(process.argv[2] ?? '.');
  const problems = await validateManifest(appDir);
  if (problems.length > 0) {
    console.error(`manifest.yml in ${appDir} failed @forge/manifest validation:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`manifest.yml in ${appDir} passed @forge/manifest full validation`);
}

if (require.main === module) void main();
