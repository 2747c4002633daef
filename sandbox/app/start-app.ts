// The sandbox as `npm start` runs it: the Jira, TeamSupport and Brevo emulators, the app's real handlers hosted from
// manifest.yml in real time, the scheduled pull on a clock, demo data on the first run, the console and the app's
// Custom UIs on one loopback URL, and the whole state kept in a data folder between runs.
import http from 'node:http';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { startBrevoEmulator, type BrevoEmulator } from '../brevo';
import { readSnapshot, writeSnapshotIfChanged } from '../data-folder';
import { DEMO_BREVO_SEED, seedBrevoDemo, seedDemo } from '../demo';
import { DEFAULT_FIXTURE, startJiraEmulator, type JiraEmulator } from '../jira';
import { appEntityProperties } from '../runtime/entity-properties';
import { createSandbox, type Sandbox, type SandboxLogEntry } from '../runtime/sandbox';
import { startTeamSupportEmulator, type TeamSupportEmulator } from '../teamsupport';
import { createConsoleHandler } from '../web/console/console-server';
import type { Tour } from '../web/console/overview-page';
import { createUiRequestHandler } from '../web/ui-server';
import { assertPortsFree, explainListenError, PortInUseError, type SandboxPort } from './ports';
import { PullClock } from './pull-clock';

/** Forge's scheduled-trigger intervals (docs/forge-platform.md). */
const INTERVAL_MS = { fiveMinute: 5 * 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export interface SandboxAppOptions {
  /** the console's port; 0 picks a free one */
  port: number;
  /** the emulators' ports; 0 picks free ones (the app calls TeamSupport as ts.appUrl, routed to whichever port) */
  jiraPort: number;
  teamSupportPort: number;
  /** the Brevo emulator's port (the app calls it as https://api.brevo.com); 0 or left out picks a free one */
  brevoPort?: number;
  /** where state is kept between runs; undefined keeps it in memory only */
  dataDir: string | undefined;
  /** forget the saved state and seed the demo again */
  reset: boolean;
  pullEverySeconds: number;
  /** called with every sandbox log entry (npm start prints them) */
  onLog?: (entry: SandboxLogEntry) => void;
}

export interface SandboxApp {
  url: string;
  sandbox: Sandbox;
  jira: JiraEmulator;
  ts: TeamSupportEmulator;
  brevo: BrevoEmulator;
  tour: Tour | undefined;
  /** whether the state came from the data folder */
  restored: boolean;
  /** writes what changed to the data folder (also done every second and on close) */
  save(): void;
  close(): Promise<void>;
}

const FILES = {
  jira: 'jira.state',
  teamSupport: 'teamsupport.state',
  brevo: 'brevo.state',
  kvs: 'forge-storage.json',
  meta: 'sandbox.json',
} as const;

const metaSchema = z.object({
  teamSupportUrl: z.string(),
  tour: z
    .object({
      issueKey: z.string(),
      ticketNumber: z.number(),
      escalateTicketNumber: z.number(),
      correlationField: z.string(),
      brevoContact: z.string().optional(),
    })
    .optional(),
});
type Meta = z.infer<typeof metaSchema>;

const SAVE_EVERY_MS = 1000;

function readMeta(file: string): Meta | undefined {
  const saved = readSnapshot(file);
  if (!saved) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(saved.toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${file} is not a sandbox state file; start with --reset to begin again`);
  return parsed.data;
}

export async function startSandboxApp(options: SandboxAppOptions): Promise<SandboxApp> {
  const ports = {
    page: { port: options.port, role: 'the sandbox page' },
    jira: { port: options.jiraPort, role: 'the Jira emulator' },
    teamSupport: { port: options.teamSupportPort, role: 'the TeamSupport emulator' },
    brevo: { port: options.brevoPort ?? 0, role: 'the Brevo emulator' },
  } satisfies Record<string, SandboxPort>;
  // First of all: a second `npm start` must stop here, before --reset or a restore touches the data folder.
  await assertPortsFree(Object.values(ports));
  const file = (name: string): string | undefined =>
    options.dataDir === undefined ? undefined : path.join(options.dataDir, name);
  if (options.reset)
    for (const name of Object.values(FILES)) {
      const target = file(name);
      if (target) rmSync(target, { force: true });
    }
  const saved = {
    jira: mapDefined(file(FILES.jira), readSnapshot),
    teamSupport: mapDefined(file(FILES.teamSupport), readSnapshot),
    brevo: mapDefined(file(FILES.brevo), readSnapshot),
    meta: mapDefined(file(FILES.meta), readMeta),
  };
  // A state file that cannot be restored is named in the error; a port taken meanwhile is not the file's fault.
  const restoring = <T>(name: string, at: SandboxPort, start: () => Promise<T>): Promise<T> =>
    start().catch((error: unknown) => {
      const explained = explainListenError(error, at);
      if (explained instanceof PortInUseError) throw explained;
      throw new Error(`${file(name) ?? name}: ${error instanceof Error ? error.message : String(error)}`);
    });
  // All three or nothing: half a saved sandbox (say, links without the tickets) would only confuse. A folder saved
  // before the sandbox had Brevo keeps its Jira and TeamSupport data and gets the demo's Brevo account added.
  const restored = saved.jira !== undefined && saved.teamSupport !== undefined && saved.meta !== undefined;
  const brevoRestored = restored && saved.brevo !== undefined;

  const jira = await restoring(FILES.jira, ports.jira, () =>
    startJiraEmulator({
      port: options.jiraPort,
      // the issue properties the app's manifest asks Jira to index for JQL
      entityProperties: appEntityProperties(),
      ...(restored && saved.jira ? { state: saved.jira } : { seed: 'default' }),
    }),
  );
  const ts = await restoring(FILES.teamSupport, ports.teamSupport, () =>
    startTeamSupportEmulator({
      port: options.teamSupportPort,
      ...(restored && saved.teamSupport ? { state: saved.teamSupport } : { seed: 'default' }),
    }),
  ).catch(async (error: unknown) => {
    await jira.close();
    throw error;
  });
  const brevo = await restoring(FILES.brevo, ports.brevo, () =>
    startBrevoEmulator({
      port: options.brevoPort ?? 0,
      ...(brevoRestored && saved.brevo ? { state: saved.brevo } : DEMO_BREVO_SEED),
    }),
  ).catch(async (error: unknown) => {
    await Promise.all([jira.close(), ts.close()]);
    throw error;
  });
  const kvsFile = file(FILES.kvs);
  // Stored links and settings without the emulators' records they point at would be stale: start storage afresh too.
  if (!restored && kvsFile) rmSync(kvsFile, { force: true });
  const sandbox = createSandbox({
    jiraBaseUrl: jira.baseUrl,
    // The instance's server address is the sandbox's own https://sandbox.teamsupport.com, and Brevo's one API host,
    // https://api.brevo.com, is the app's address for every Brevo account: both are routed to their emulators.
    egressRoutes: { [ts.appUrl]: ts.baseUrl, [brevo.appUrl]: brevo.baseUrl },
    mode: 'realtime',
    ...(kvsFile ? { kvsFile } : {}),
    echoAppLogs: false,
  });
  if (restored && saved.meta && saved.meta.teamSupportUrl !== ts.appUrl) {
    // Saved by an older sandbox, which configured the emulator's loopback address: the app may not call it.
    console.warn(
      `The saved instance calls TeamSupport at ${saved.meta.teamSupportUrl}, which the app's egress permissions ` +
        `block; the sandbox routes ${ts.appUrl} to the emulator. Start with --reset.`,
    );
  }
  const stopEvents = jira.onEvent((event) => sandbox.emitProductEvent(event));
  let dirty = true;
  sandbox.on('log', (entry: SandboxLogEntry) => {
    dirty = true;
    options.onLog?.(entry);
  });

  /** A restored tour; a folder saved before the sandbox had Brevo also gets the demo's Brevo account now. */
  const upgradedTour = async (previous: Tour | undefined): Promise<Tour | undefined> => {
    if (brevoRestored) return previous;
    try {
      const brevoContact = await seedBrevoDemo(sandbox, brevo);
      return previous && { ...previous, brevoContact };
    } catch (error) {
      console.warn(
        `The demo's Brevo account could not be added to the saved configuration (${error instanceof Error ? error.message : String(error)}). Start with --reset for the whole demo.`,
      );
      return previous;
    }
  };
  const tour = restored ? await upgradedTour(saved.meta?.tour) : await seedDemo(sandbox, jira, ts, brevo);
  const meta: Meta = { teamSupportUrl: ts.appUrl, ...(tour ? { tour } : {}) };

  // The five-minute triggers run on every tick of the pull clock; longer intervals (the daily team capacity) when their
  // interval has passed since they last ran, as Forge schedules them, so "Run the pull now" does not rerun them.
  const lastRun = new Map<string, number>();
  const pull = new PullClock(options.pullEverySeconds * 1000, async () => {
    for (const trigger of sandbox.manifest.scheduledTriggers) {
      const ran = lastRun.get(trigger.key);
      if (
        trigger.interval !== 'fiveMinute' &&
        ran !== undefined &&
        Date.now() - ran < INTERVAL_MS[trigger.interval]
      ) {
        continue;
      }
      lastRun.set(trigger.key, Date.now());
      await sandbox.runScheduledTrigger(trigger.key);
    }
  });
  const { alice } = DEFAULT_FIXTURE.users;
  const consoleHandler = createConsoleHandler({
    sandbox,
    jira,
    ts,
    brevo,
    accountId: alice.accountId,
    pull,
    tour: () => tour,
    dataDir: options.dataDir,
    changed: () => {
      dirty = true;
    },
  });
  const ui = createUiRequestHandler({ sandbox, defaultAccountId: alice.accountId, siteUrl: jira.baseUrl });

  const server = http.createServer((req, res) => {
    (async () => {
      if (await consoleHandler(req, res)) return;
      if (await ui(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    })().catch((error: unknown) => {
      console.error('sandbox:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Sandbox error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  }).catch(async (error: unknown) => {
    // Taken since the check at the start: close what did start, so the process can exit with the message.
    consoleHandler.closeStreams();
    stopEvents();
    await sandbox.close();
    await Promise.all([jira.close(), ts.close(), brevo.close()]);
    throw explainListenError(error, ports.page);
  });
  const { port } = z.object({ port: z.number() }).parse(server.address());

  const snapshots = {
    [FILES.jira]: () => jira.exportState(),
    [FILES.teamSupport]: () => ts.exportState(),
    [FILES.brevo]: () => brevo.exportState(),
    [FILES.meta]: () => Buffer.from(JSON.stringify(meta, null, 2)),
  };
  const written = new Map<string, Buffer>();
  /** The emulators and the tour; the app's storage is the KVS emulator's own file. */
  const saveSnapshots = (dataDir: string): void => {
    for (const [name, snapshot] of Object.entries(snapshots)) {
      const bytes = snapshot();
      writeSnapshotIfChanged(path.join(dataDir, name), bytes, written.get(name));
      written.set(name, bytes);
    }
  };
  const save = (): void => {
    if (options.dataDir === undefined || !dirty) return;
    dirty = false;
    sandbox.kvs.save();
    saveSnapshots(options.dataDir);
  };
  save();
  const saver = setInterval(save, SAVE_EVERY_MS);
  saver.unref();
  pull.start();
  // A fresh demo is pulled once at once, as a new install's first scheduled run would: the linked tickets' actions
  // arrive as comments and the escalation request becomes an issue, without waiting five minutes.
  if (!restored) void pull.runNow();

  return {
    url: `http://127.0.0.1:${port}`,
    sandbox,
    jira,
    ts,
    brevo,
    tour,
    restored,
    save,
    close: async () => {
      await pull.stopAndSettle();
      clearInterval(saver);
      consoleHandler.closeStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      stopEvents();
      // Work still in flight may write to the emulators: the last snapshot follows it (close() saves the KVS file).
      await sandbox.close();
      if (options.dataDir !== undefined) saveSnapshots(options.dataDir);
      await jira.close();
      await ts.close();
      await brevo.close();
    },
  };
}

function mapDefined<T>(value: string | undefined, read: (file: string) => T | undefined): T | undefined {
  return value === undefined ? undefined : read(value);
}
