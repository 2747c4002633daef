// Runs the Forge CLI's linter (@forge/lint, the version the CLI pins, see package.json) over manifest.yml and src/ as
// `forge lint` and `forge deploy` do, offline: every client-side rule (the scopes each Jira API call needs, egress
// for fetch URLs, handlers, manifest permissions, storage, timeouts...). Fails on any finding.
// Usage: tsx scripts/forge/lint.ts
//
// The CLI's call, followed here: LintService.run in @forge/cli 13.3.0 (out/service/lint-service.js) lists ./src
// (and any UI Kit resource folder) without .gitignore'd files, .git and node_modules, then calls `lint(files,
// manifest, environment, logger, statsigService, { linter: { mode: 'both' } })`. The differences:
// - Mode 'both' adds Atlassian's server-side pre-deployment check, which uploads the manifest under the app's id and
//   needs a login; offline only the client-side rules run.
// - The scope rule downloads the products' OpenAPI documents; @forge/lint's own switch (USE_LOCAL_SWAGGER and the
//   LOCAL_*_SWAGGER files) points it at the vendored Jira platform document instead (sandbox/jira/contract/NOTICE.md),
//   and at empty documents for Jira Software, Jira Service Management, Confluence and Bitbucket, which the app does
//   not call (checked below).
// - The parser runs without the type-checking program (see parseFunction).
// - The scope rule only recognises `requestJira(route`...`, { method })` with the path written at the call. The app
//   calls Jira through one wrapper (src/jira/http.ts: `this.http.request('app' | 'user', route`...`, { method })`,
//   every call in src/jira/jira-rest.ts), so each file is read with those calls spelt as `.requestJira(route`...`)`
//   (same length, so lines and columns stay right) and the rule checks every endpoint the app uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileSystemReader, listGitIgnoreFiles, listTSConfigIncludeExclude } from '@forge/cli-shared';
import {
  getClientSideLintersOnly,
  lint,
  PermissionLinter,
  problemCount,
  reportLintResults,
  type LintInput,
  type tsParser,
} from '@forge/lint';
import type { ApiCall } from '@forge/lint/out/lint/linters/permission-linter/api-call-interface';
import { APP_DIR, CollectingLogger, manifestReader, offlineStatsig, seconds } from './offline';

const JIRA_OPENAPI = path.join(APP_DIR, 'sandbox/jira/contract/jira-platform-v3.openapi.json');
/** APIs whose OpenAPI documents are not vendored: a call to one of them must not go unchecked. */
const UNVENDORED_APIS =
  /\/rest\/(agile|servicedeskapi|greenhopper|api\/2)\/|requestConfluence|requestBitbucket/;
/** `.request('app', ` / `.request('user', ` before a route template: the app's Jira wrapper (src/jira/http.ts). */
const WRAPPER_CALL = /\.request\((\s*)'(app|user)',(\s*)(?=route`)/g;

/** The wrapper's calls spelt as requestJira calls, of the same length (see the header). */
function asRequestJira(source: string): { code: string; calls: number } {
  let calls = 0;
  const code = source.replace(WRAPPER_CALL, (_match, before: string, actor: string, after: string) => {
    calls += 1;
    // `.requestJira(` is four characters longer than `.request(`, and `'app',` is the actor's length plus three.
    return `.requestJira(${before}${' '.repeat(actor.length - 1)}${after}`;
  });
  return { code, calls };
}

/** The scope rule (PermissionLinter), counting the Jira API calls it checks. */
class CountingPermissionLinter extends PermissionLinter {
  jiraCalls = 0;
  protected override addLintCriteriaMatch(apiCall: ApiCall, filepath: string): void {
    if ('product' in apiCall && apiCall.product === 'jira') this.jiraCalls += 1;
    super.addLintCriteriaMatch(apiCall, filepath);
  }
}

function localOpenApiDocuments(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-'));
  const empty = path.join(dir, 'empty.json');
  fs.writeFileSync(empty, JSON.stringify({ paths: {} }));
  const env: Record<string, string> = {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: JIRA_OPENAPI,
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_JSW_SWAGGER: empty,
    LOCAL_CONF_SWAGGER: empty,
    LOCAL_CONF_V2_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  };
  Object.assign(process.env, env);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const started = performance.now();
  process.chdir(APP_DIR);
  const logger = new CollectingLogger();
  const fileReader = new FileSystemReader();
  const configFile = manifestReader();

  const uiKitDirs = (await configFile.getResources(['nativeUI'])).map((resource) =>
    path.dirname(resource.path),
  );
  const exclude = [...(await listGitIgnoreFiles(fileReader)), '.git', 'node_modules'];
  const listed = await Promise.all(
    ['./src', ...uiKitDirs].map((dir) => fileReader.recursiveReadDir(dir, exclude)),
  );
  const files = [...new Set(listed.flat())];

  // The linter parses a .ts file only when tsconfig.json's `include` globs (expanded literally) name it; with no
  // file named it would silently check nothing, which is worth a failure of its own.
  const { include } = await listTSConfigIncludeExclude(fileReader);
  const included = new Set(include);
  const tsFiles = files.filter((file) => /\.tsx?$/.test(file));
  const seen = tsFiles.filter((file) => included.has(path.resolve(file)));
  if (tsFiles.length > 0 && seen.length === 0) {
    throw new Error(
      `tsconfig.json's "include" matches none of the ${tsFiles.length} TypeScript files under src/, so Forge's ` +
        'linter would check no code. Use globs such as "src/**/*".',
    );
  }
  const unvendored = files.filter((file) => UNVENDORED_APIS.test(fs.readFileSync(file, 'utf8')));
  if (unvendored.length > 0) {
    throw new Error(
      `${unvendored.join(', ')} call(s) an API whose OpenAPI document is not vendored, so its scopes would go ` +
        'unchecked offline: vendor the document and pass it in localOpenApiDocuments().',
    );
  }

  const manifest = await configFile.readConfig();
  const statsig = offlineStatsig(logger);
  const permissions = new CountingPermissionLinter('development', manifest, logger);
  const linters = (await getClientSideLintersOnly(manifest, 'development', logger, statsig)).map((linter) =>
    linter instanceof PermissionLinter ? permissions : linter,
  );
  let wrapperCalls = 0;
  const parseFunction = async (filepath: string, parser: typeof tsParser): Promise<LintInput> => {
    const { code, calls } = asRequestJira(await fs.promises.readFile(filepath, 'utf8'));
    wrapperCalls += calls;
    // Without `project` the parser skips building a type-checking program of the whole tsconfig.json (tens of
    // seconds); the syntax tree the rules walk is the same, and `npm run typecheck` reports every diagnostic that
    // program would.
    try {
      return { ast: await parser(code, filepath, { project: undefined }), filepath };
    } catch (error) {
      throw new Error(`${filepath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const cleanUp = localOpenApiDocuments();
  let results;
  try {
    results = await lint(files, manifest, 'development', logger, statsig, {
      linter: { mode: 'client-side' },
      linters,
      parseFunction,
    });
  } finally {
    cleanUp();
  }
  const count = problemCount(results);
  if (count.errors + count.warnings + count.approvals > 0) {
    reportLintResults(logger, results);
    throw new Error(
      `${count.errors} error(s), ${count.warnings} warning(s), ${count.approvals} rule(s) needing approval ` +
        '(listed above).',
    );
  }
  if (wrapperCalls === 0 || permissions.jiraCalls < wrapperCalls) {
    throw new Error(
      `the scope rule recognised ${permissions.jiraCalls} of the app's ${wrapperCalls} Jira calls ` +
        '(see asRequestJira in scripts/forge/lint.ts).',
    );
  }
  console.log(
    `Forge lint (@forge/lint, client-side rules) of manifest.yml and ${seen.length} TypeScript files in src/: ` +
      `0 findings; ${permissions.jiraCalls} Jira API calls checked against the manifest's scopes; ${seconds(started)}`,
  );
}

main().catch((error: unknown) => {
  console.error(`Forge lint failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
