// Test support: runs the real, unmodified @forge/kvs against a KvsEmulator. The SDK only reaches the platform
// through `globalThis.__forge_runtime__` and `globalThis.__forge_fetch__` (docs/forge-platform.md §6.1-6.2), and
// chooses its transport when it loads, so the globals are installed before the first import. Each jest test file has
// its own globals and module registry, so each file loads its own SDK instance.
import type * as ForgeKvs from '@forge/kvs';
import { z } from 'zod';
import type { KvsEmulator } from './emulator';

export type ForgeKvsSdk = typeof ForgeKvs;

export interface RecordedRequest {
  path: string;
  body: unknown;
}

const initSchema = z.object({ method: z.literal('POST'), body: z.string() });
const targetSchema = z.object({ type: z.literal('kvs') });

let active: KvsEmulator | undefined;
/** Every request the SDK sent, in order, for tests that assert on the wire. */
export const recordedRequests: RecordedRequest[] = [];

function forgeFetch(target: unknown, path: string, init: unknown): Promise<Response> {
  if (!active) return Promise.reject(new Error('No KvsEmulator is active: call loadKvsSdk(emulator) first'));
  targetSchema.parse(target);
  const body: unknown = JSON.parse(initSchema.parse(init).body);
  recordedRequests.push({ path, body });
  const reply = active.handle(path, body);
  return Promise.resolve(
    new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

// defineProperty rather than assignment: the project's jest setup file may already have installed the sandbox's
// own (configurable, read-only) globals in this test file's global object, and these replace them for this file.
function defineGlobal(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

function installGlobals(): void {
  const deadline = Date.now() + 25_000;
  const counter = { incr() {}, incrBy() {}, decr() {}, decrBy() {} };
  defineGlobal('__forge_runtime__', {
    appContext: {
      appId: 'app-1',
      appVersion: '1.0.0',
      environmentId: 'env-1',
      environmentType: 'DEVELOPMENT',
      invocationId: 'inv-1',
      installationId: 'inst-1',
      moduleKey: 'kvs-test',
    },
    contextAri: 'ari:cloud:jira::site/cloud-1',
    lambdaContext: { getRemainingTimeInMillis: () => deadline - Date.now() },
    metrics: {
      counter: () => counter,
      timing: () => ({ measure: () => ({ stop() {} }) }),
      gauge: () => ({ set() {} }),
    },
  });
  defineGlobal('__forge_fetch__', forgeFetch);
}

/** Points the SDK at `emulator` (installing the globals first) and returns the real @forge/kvs module. */
export async function loadKvsSdk(emulator: KvsEmulator): Promise<ForgeKvsSdk> {
  active = emulator;
  installGlobals();
  return import('@forge/kvs');
}

/** Routes the already-loaded SDK to another emulator (e.g. one reloaded from a state file). */
export function useEmulator(emulator: KvsEmulator): void {
  active = emulator;
}
