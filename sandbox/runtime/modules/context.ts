// What every module kind's delivery needs from the sandbox: the manifest, the function host, the install's identity,
// the clock and the log. One file per module kind (triggers, consumers, scheduled triggers, resolvers, web triggers)
// mirrors src/entry/, so the platform side of a flow sits beside the app side it calls.
import type { FunctionHost } from '../host';
import type { AppManifest } from '../manifest';
import type { LogPlatform } from '../platform-log';

export interface ModuleContext {
  manifest: AppManifest;
  host: FunctionHost;
  cloudId: string;
  installContext: string;
  now: () => number;
  log: LogPlatform;
}
