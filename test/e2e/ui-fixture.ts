// The built Custom UI apps served by sandbox/web/ui-server.ts, talking to the UI fixture app's canned resolvers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import { createSandbox, type Sandbox } from '../../sandbox/runtime/sandbox';
import { startUiServer, type UiServer } from '../../sandbox/web/ui-server';

const REPO = path.resolve(__dirname, '..', '..');
export const UI_FIXTURE_APP = path.join(REPO, 'test', 'fixtures', 'ui-app');

export function assertUiBuilt(): void {
  for (const app of ['issue-panel', 'admin']) {
    const index = path.join(REPO, 'static', app, 'build', 'index.html');
    if (!existsSync(index))
      throw new Error(`${index} is missing: run npm run build:ui before the browser tests`);
  }
}

export interface UiEnvironment {
  sandbox: Sandbox;
  server: UiServer;
  /** sets a fixture KVS key (test/fixtures/ui-app/src/index.ts FIXTURE_KEYS) */
  setFixture: (key: string, value: unknown) => Promise<void>;
  getFixture: (key: string) => Promise<unknown>;
  close: () => Promise<void>;
}

export async function startUiEnvironment(): Promise<UiEnvironment> {
  assertUiBuilt();
  const sandbox = createSandbox({ appDir: UI_FIXTURE_APP });
  const server = await startUiServer({ sandbox, siteUrl: 'https://sandbox.atlassian.net' });
  return {
    sandbox,
    server,
    setFixture: (key, value) => sandbox.asInvocation(() => kvs.set(key, value)),
    getFixture: (key) => sandbox.asInvocation(() => kvs.get(key)),
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}
