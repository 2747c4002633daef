// Files of a Custom UI build folder, served the way the Forge CDN serves a resource: relative to the folder, nothing
// outside it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` that `relativeUrlPath` names, or undefined when the path would leave `root`. */
export function resolveInside(root: string, relativeUrlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativeUrlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === base || file.startsWith(`${base}${path.sep}`) ? file : undefined;
}

// Checked by shape: under jest, fs errors come from another realm and fail `instanceof Error`.
const missingFileErrorSchema = z.object({ code: z.enum(['ENOENT', 'EISDIR', 'ENOTDIR']) });

export async function readFileIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (missingFileErrorSchema.safeParse(error).success) return undefined;
    throw error;
  }
}
