// Bundles the app's functions as `forge deploy` does, with the Forge CLI's own bundler (@forge/bundler, the version
// the CLI pins, see package.json): one entry per module named by the manifest's function handlers, webpack 5 with
// ts-loader on this repo's tsconfig.json, output into a temporary folder that is removed afterwards. Fails on any
// webpack error or warning (for example "TypeScript emitted no output for src/index.ts" when tsconfig.json sets
// `noEmit`). Usage: tsx scripts/forge/bundle.ts
//
// The CLI's call, followed here: RuntimeBundler.packageAll in @forge/cli 13.3.0
// (out/deploy/packager/runtime-bundler.js) takes `getEntryPoints(await configFile.getAppHandlers())` and calls
// `getNodeBundler(ui, getWrapperProvider(...), configFile, statsigService).bundle({ appDirectory: cwd, entryPoints })`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { APP_DIR, CollectingLogger, manifestReader, offlineStatsig, seconds } from './offline';

/**
 * The CLI downloads Forge's runtime wrapper (`__forge__.cjs`, added next to the bundle in the upload) from Atlassian's
 * CDN. It is not part of webpack's compilation, so offline a placeholder stands in for it.
 */
const offlineWrapper: Parameters<typeof getNodeBundler>[1] = {
  getNodeRuntimeWrapper: () =>
    Promise.resolve({ script: '// offline placeholder', source: 'offline', version: 'offline' }),
  getNodeRuntimeLoader: () => Promise.resolve(undefined),
};

function filesUnder(dir: string): { file: string; bytes: number }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), bytes: fs.statSync(file).size };
    });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  const started = performance.now();
  // Like the CLI, everything is relative to the app directory: manifest.yml, src/<module>, tsconfig.json.
  process.chdir(APP_DIR);
  const logger = new CollectingLogger();
  const configFile = manifestReader();
  const entryPoints = getEntryPoints(await configFile.getAppHandlers());
  const bundler = getNodeBundler(logger, offlineWrapper, configFile, offlineStatsig(logger));
  // The bundler writes into a fresh folder under os.tmpdir() and leaves it there (the CLI zips it); pointing TMPDIR
  // at a folder of this run's own lets the run remove whatever it wrote, also when the bundle fails.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-bundle-'));
  process.env.TMPDIR = scratch;
  try {
    const output = await bundler.bundle({ appDirectory: APP_DIR, entryPoints });
    const outputDir = output.outputDir;
    const files = filesUnder(outputDir);
    const code = files.filter((f) => !f.file.endsWith('.map'));
    const maps = files.filter((f) => f.file.endsWith('.map'));
    if (code.length === 0) throw new Error(`webpack wrote no bundle into ${outputDir}`);
    if (logger.warnings.length > 0) {
      throw new Error(`webpack reported ${logger.warnings.length} warning(s) (printed above)`);
    }
    const entries = entryPoints.map((e) => path.relative(APP_DIR, e.path)).join(', ');
    console.log(
      `Forge bundle (@forge/bundler, webpack + ts-loader) of ${entries}: ` +
        code.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ') +
        ` (+ ${kb(maps.reduce((sum, f) => sum + f.bytes, 0))} of source maps), ` +
        `${output.metadata?.tsFiles ?? 0} TypeScript files, ${seconds(started)}`,
    );
  } catch (error) {
    console.error(`Forge bundle failed: \`forge deploy\` would fail the same way.\n${String(error)}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

void main();
