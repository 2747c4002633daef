// What scripts/forge/bundle.ts and scripts/forge/lint.ts hand to the Forge CLI's own packages (@forge/bundler,
// @forge/lint, @forge/cli-shared, pinned in package.json) in place of the CLI's online services, so that both run
// offline exactly as `forge deploy` / `forge lint` call them.
import path from 'node:path';
import {
  ConfigFile,
  FileSystemReader,
  FileSystemWriter,
  StatsigService,
  type Logger,
} from '@forge/cli-shared';

/** The repository root: the Forge CLI works on the app in the current directory. */
export const APP_DIR = path.resolve(__dirname, '../..');

/** The CLI's manifest reader (manifest.yml in the current directory), as its dependency injection builds it. */
export function manifestReader(): ConfigFile {
  return new ConfigFile(new FileSystemReader(), new FileSystemWriter());
}

/**
 * Feature gates and dynamic configs come from Atlassian's Statsig service; offline every gate reads as unset, which
 * is what the CLI itself falls back to when the service cannot be reached (`checkGate(...) ?? false`).
 */
class OfflineStatsig extends StatsigService {
  override checkGate(): Promise<boolean | null> {
    return Promise.resolve(null);
  }
  override getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
}

export function offlineStatsig(logger: Logger): StatsigService {
  return new OfflineStatsig(
    logger,
    undefined,
    { getCredentials: () => Promise.reject(new Error('offline: no Atlassian credentials')) },
    { readConfigSection: () => Promise.resolve('missing' as const) },
  );
}

/** Collects what the Forge packages log; warnings are kept so the caller can fail on them. */
export class CollectingLogger implements Logger {
  traceEnabled = false;
  debugEnabled = false;
  readonly warnings: string[] = [];
  trace(): void {}
  debug(): void {}
  info(message: string): void {
    console.log(message);
  }
  warn(message: string): void {
    this.warnings.push(message);
    console.warn(message);
  }
  error(error: Error): void {
    console.error(error.message);
  }
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
