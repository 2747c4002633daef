// `npm start`: the app running offline (see sandbox/app/start-app.ts). Prints one URL; binds to 127.0.0.1 only.
//
//   npm start [-- --port 4020] [--jira-port 4021] [--teamsupport-port 4022] [--brevo-port 4023]
//             [--data-dir .sandbox-data] [--pull-every 300] [--reset] [--in-memory]
// The Forge SDKs capture the runtime globals when they load, so these go first.
import './runtime/install-globals';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSandboxApp } from './app/start-app';
import type { SandboxLogEntry } from './runtime/sandbox';

const HELP = `Support Ticket Sync sandbox: the app, Jira, TeamSupport and Brevo emulators, all offline on 127.0.0.1.

  npm start [-- options]
    --port N              the page (default 4020, or $SANDBOX_PORT)
    --jira-port N         the Jira emulator (default: port + 1)
    --teamsupport-port N  the TeamSupport emulator (default: port + 2)
    --brevo-port N        the Brevo emulator (default: port + 3)
    --data-dir DIR        where the state is kept between runs (default .sandbox-data)
    --in-memory           keep nothing between runs
    --reset               forget the saved state and seed the demo again
    --pull-every S        seconds between scheduled pulls (default 300, as on Forge)
    --quiet               do not print the event log to the terminal
`;

const port = z.coerce.number().int().min(0).max(65535);

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.SANDBOX_PORT ?? '4020' },
      'jira-port': { type: 'string' },
      'teamsupport-port': { type: 'string' },
      'brevo-port': { type: 'string' },
      'data-dir': { type: 'string', default: '.sandbox-data' },
      'in-memory': { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      'pull-every': { type: 'string', default: '300' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const main = port.parse(values.port);
  const next = (offset: number) => (main === 0 ? 0 : main + offset);
  return {
    port: main,
    jiraPort: values['jira-port'] === undefined ? next(1) : port.parse(values['jira-port']),
    teamSupportPort:
      values['teamsupport-port'] === undefined ? next(2) : port.parse(values['teamsupport-port']),
    brevoPort: values['brevo-port'] === undefined ? next(3) : port.parse(values['brevo-port']),
    dataDir: values['in-memory'] ? undefined : path.resolve(values['data-dir']),
    reset: values.reset,
    pullEverySeconds: z.coerce.number().positive().parse(values['pull-every']),
    quiet: values.quiet,
  };
}

function printEntry(entry: SandboxLogEntry): void {
  console.log(`${entry.time.slice(11, 19)} [${entry.kind}] ${entry.message}`);
}

async function main(): Promise<void> {
  const settings = options();
  const app = await startSandboxApp({ ...settings, ...(settings.quiet ? {} : { onLog: printEntry }) });
  console.log('\nSupport Ticket Sync sandbox');
  console.log(
    `  Jira emulator ${app.jira.baseUrl} · TeamSupport emulator ${app.ts.baseUrl} (the app calls it as ${app.ts.appUrl})`,
  );
  console.log(`  Brevo emulator ${app.brevo.baseUrl} (the app calls it as ${app.brevo.appUrl})`);
  console.log(
    `  ${app.restored ? `State restored from ${settings.dataDir ?? ''}` : settings.dataDir ? `Demo data seeded; state kept in ${settings.dataDir}` : 'Demo data seeded; state kept in memory'}` +
      ` · scheduled pull every ${settings.pullEverySeconds} s`,
  );
  console.log(`\n  Open ${app.url}/\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('The sandbox did not stop cleanly:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A taken port explains itself (app/ports.ts): which port, the likely cause, and how to start anyway.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The sandbox could not start: ${message}`);
  process.exit(1);
});
