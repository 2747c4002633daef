// `npm start`: the app running offline. Starts the Jira and TeamSupport emulators, hosts the app's real handlers
// from manifest.yml in the sandbox runtime (product events, queues and the scheduled pull delivered in real time),
// seeds demo data, serves the Custom UIs with the bridge shim, and prints one URL. Binds to 127.0.0.1 only.
//
//   npm start [-- --port 4020] [-- --pull-every 60]     (seconds of real time between scheduled pulls; default 300)
// The Forge SDKs capture the runtime globals when they load, so these go first.
import './runtime/install-globals';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { startJiraEmulator, DEFAULT_FIXTURE } from './jira';
import { createSandbox } from './runtime/sandbox';
import { startTeamSupportEmulator } from './teamsupport';
import { seedDemo } from './demo';
import { createUiRequestHandler } from './web/ui-server';
import { renderHome } from './web/home';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.SANDBOX_PORT ?? '4020' },
      'pull-every': { type: 'string', default: '300' },
    },
  });
  const port = Number(values.port);
  const pullEverySeconds = Number(values['pull-every']);
  const jira = await startJiraEmulator({ seed: 'default' });
  const ts = await startTeamSupportEmulator({ seed: 'default' });
  const sandbox = createSandbox({ jiraBaseUrl: jira.baseUrl, mode: 'realtime' });
  jira.onEvent((event) => sandbox.emitProductEvent(event));
  sandbox.on('log', (entry: { kind: string; message: string }) =>
    console.log(`[${entry.kind}] ${entry.message}`),
  );
  const demo = await seedDemo(sandbox, jira, ts);
  sandbox.startScheduler(pullEverySeconds * 1000);

  const ui = createUiRequestHandler({ sandbox, defaultAccountId: DEFAULT_FIXTURE.users.alice.accountId });
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method === 'POST' && req.url === '/api/run-pull') {
        const result = await sandbox.runScheduledTrigger('pull-tickets');
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: result.status }));
        return;
      }
      if (await ui(req, res)) return;
      if (req.url === '/' || req.url === '/index.html') {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(renderHome({ demo, jiraUrl: jira.baseUrl, teamSupportUrl: ts.baseUrl, sandbox }));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end('Sandbox error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  console.log('\nSupport Ticket Sync sandbox');
  console.log(
    `  hosting: ${[...sandbox.manifest.functions.values()].map((f) => `${f.key} (${f.kinds.join(', ')})`).join('; ')}`,
  );
  console.log(
    `  Jira emulator ${jira.baseUrl}, TeamSupport emulator ${ts.baseUrl}, scheduled pull every ${pullEverySeconds}s`,
  );
  console.log(`\n  Open http://127.0.0.1:${port}/\n`);

  const stop = async (): Promise<void> => {
    server.close();
    await sandbox.close();
    await jira.close();
    await ts.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('The sandbox could not start:', error);
  process.exit(1);
});
