// What a taken port says at `npm start`: the port, what wanted it, the likely cause (another sandbox) and the way out.
import { createServer, type Server } from 'node:net';
import { assertPortsFree, explainListenError, PortInUseError } from './ports';

function listening(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolve({ server, port: address.port });
      else reject(new Error('no port'));
    });
  });
}

it('refuses a taken port with a message that names it and the other sandbox', async () => {
  const { server, port } = await listening();
  try {
    const refused = assertPortsFree([
      { port: 0, role: 'the sandbox page' },
      { port, role: 'the Jira emulator' },
    ]);
    await expect(refused).rejects.toBeInstanceOf(PortInUseError);
    await expect(refused).rejects.toThrow(
      `Port ${port} (the Jira emulator) is in use — is another sandbox running? Stop it (Ctrl-C in its terminal), ` +
        'or start on other ports: npm start -- --port 5000',
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  // Free again: nothing is left listening by the check itself, so the same port passes twice in a row.
  await assertPortsFree([{ port, role: 'the Jira emulator' }]);
  await assertPortsFree([{ port, role: 'the Jira emulator' }]);
});

it('explains only an address in use; any other listen error stays as it was', () => {
  const inUse = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4021'), {
    code: 'EADDRINUSE',
  });
  expect(explainListenError(inUse, { port: 4021, role: 'the Jira emulator' })).toEqual(
    new PortInUseError(4021, 'the Jira emulator'),
  );
  const denied = Object.assign(new Error('listen EACCES'), { code: 'EACCES' });
  expect(explainListenError(denied, { port: 80, role: 'the sandbox page' })).toBe(denied);
});
