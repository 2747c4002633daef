// The ports `npm start` listens on, and what to say when one is taken. The usual cause is a sandbox already running
// (a second `npm start`), so the message names the port and that cause, and how to get past it — never the data file
// being restored when the listen failed, which has nothing to do with it.
import { createServer } from 'node:net';
import { z } from 'zod';

export interface SandboxPort {
  port: number;
  /** what listens there, e.g. "the Jira emulator" */
  role: string;
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    role: string,
  ) {
    super(
      `Port ${port} (${role}) is in use — is another sandbox running? Stop it (Ctrl-C in its terminal), or start ` +
        'on other ports: npm start -- --port 5000 (or SANDBOX_PORT=5000 npm start); the emulators take the three ' +
        'ports after it.',
    );
    this.name = 'PortInUseError';
  }
}

const addressInUse = z.object({ code: z.literal('EADDRINUSE') });

/** The error to report for a failed listen: PortInUseError when the port was taken, else the error itself. */
export function explainListenError(error: unknown, at: SandboxPort): Error {
  if (addressInUse.safeParse(error).success) return new PortInUseError(at.port, at.role);
  return error instanceof Error ? error : new Error(String(error));
}

function probe(at: SandboxPort): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(explainListenError(error, at)));
    server.listen(at.port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * Fails with PortInUseError before anything starts when a fixed port is taken (0, "any free port", always passes),
 * so a second `npm start` stops before it reads or writes the data folder the running one owns.
 */
export async function assertPortsFree(ports: readonly SandboxPort[]): Promise<void> {
  for (const at of ports) if (at.port !== 0) await probe(at);
}
