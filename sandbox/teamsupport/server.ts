// The loopback HTTP server: /_sandbox/… goes to the admin surface, anything with an /api/ segment to the emulated
// TeamSupport API, the rest is 404.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ADMIN_PREFIX, handleAdminRequest } from './admin/http';
import type { SandboxAdmin } from './admin/sandbox-admin';
import { handleApiRequest, type ApiDependencies } from './api/pipeline';
import { textReply, type HttpReply } from './http-reply';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: HttpReply): void {
  if (reply.dropConnection) {
    response.destroy();
    return;
  }
  response.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) });
  response.end(reply.body);
}

async function route(
  admin: SandboxAdmin,
  api: ApiDependencies,
  request: IncomingMessage,
): Promise<HttpReply> {
  const method = (request.method ?? 'GET').toUpperCase();
  const rawUrl = request.url ?? '/';
  const pathname = new URL(rawUrl, 'http://emulator.invalid').pathname;
  const body = await readBody(request);
  if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`)) {
    return handleAdminRequest(admin, method, pathname, body);
  }
  if (pathname.toLowerCase().includes('/api/')) {
    const authorization = request.headers.authorization;
    return handleApiRequest(api, { method, url: rawUrl, authorization, body });
  }
  return textReply(404, 'Not Found');
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(
  admin: SandboxAdmin,
  api: ApiDependencies,
  port: number,
): Promise<RunningServer> {
  const server = createServer((request, response) => {
    route(admin, api, request).then(
      (reply) => send(response, reply),
      (error: unknown) => send(response, textReply(500, `Emulator error: ${String(error)}`)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    server,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
