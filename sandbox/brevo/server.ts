// The loopback HTTP server: everything goes to the emulated API (paths below /v3); the admin surface is in code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleApiRequest, type ApiDependencies } from './http/pipeline';
import { jsonReply, type HttpReply } from './http/reply';

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

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(deps: ApiDependencies, port: number): Promise<RunningServer> {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) =>
        handleApiRequest(deps, {
          method: (request.method ?? 'GET').toUpperCase(),
          url: request.url ?? '/',
          apiKey: header(request.headers['api-key']),
          contentType: header(request.headers['content-type']),
          body,
        }),
      )
      .then(
        (reply) => send(response, reply),
        (error: unknown) =>
          send(
            response,
            jsonReply(500, { code: 'bad_request', message: `Brevo emulator error: ${String(error)}` }),
          ),
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
