// What the sandbox's local servers (Custom UI server, console) check of every request that changes something.
import type http from 'node:http';

/**
 * A request sent by a page of another site (its Origin names another host). Both servers bind to loopback, but a
 * page elsewhere could still drive local resolvers or emulators through the user's browser.
 */
export function fromOtherOrigin(req: http.IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return origin !== undefined && origin !== `http://${req.headers.host ?? ''}` ? origin : undefined;
}

/** The body as text, or undefined when it is larger than `maxBytes` (reading stops there). */
export async function readBodyText(req: http.IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
