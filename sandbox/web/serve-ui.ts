// Serves the Custom UI apps for a look in a browser: `npx tsx sandbox/web/serve-ui.ts [appDir] [--port N]`.
// appDir defaults to this repository; test/fixtures/ui-app runs the apps against canned resolvers.
import path from 'node:path';
import { createSandbox } from '../runtime/sandbox';
import { startUiServer } from './ui-server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('--port');
  const port = portFlag >= 0 ? Number(args[portFlag + 1]) : 0;
  const appArg = args.find((arg, index) => !arg.startsWith('--') && index !== portFlag + 1);
  const sandbox = createSandbox({ mode: 'realtime', ...(appArg ? { appDir: path.resolve(appArg) } : {}) });
  const server = await startUiServer({ sandbox, port });
  console.log(`Issue panel: ${server.url}/ui/issue-panel/?issue=10001&key=SUP-1&as=alice`);
  console.log(`Admin page:  ${server.url}/ui/admin/?as=alice`);
  console.log('Add &theme=dark for the dark theme. Ctrl+C stops.');
  process.once('SIGINT', () => {
    void server.close().then(() => sandbox.close());
  });
}

void main();
