// Serves the built Custom UI apps (issue panel, admin page) on loopback with the sandbox bridge, and answers their
// `invoke` calls through the sandbox's resolver hosting. A local development server: who the caller is comes from the
// page's `?as=` parameter, and the resolvers themselves check permissions against Jira, as they do in production.
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import type { Sandbox } from '../runtime/sandbox';
import { colorModeOf, type ColorMode } from './console/color-mode';
import { fromOtherOrigin, readBodyText } from './request';
import { contentTypeOf, readFileIfPresent, resolveInside } from './static-files';
import { themeCss } from './theme-css';
import {
  SHIM_PATH,
  fullContext,
  injectSandbox,
  issuePanelExtension,
  messagePage,
  modalContext,
  type QueryResult,
  type UiSurface,
} from './ui-pages';

export type UiSandbox = Pick<Sandbox, 'invokeResolver' | 'manifest' | 'cloudId'>;

export interface UiServerOptions {
  sandbox: UiSandbox;
  /** 0 (default) picks a free port */
  port?: number;
  /** the UI modules to serve; by default the manifest's `linked-tickets-panel` and `sync-admin` (or its only one) */
  moduleKeys?: { issuePanel?: string; adminPage?: string };
  /** build folders; by default static/issue-panel/build and static/admin/build of this repository */
  buildDirs?: { issuePanel?: string; adminPage?: string };
  /** the Jira site the apps link to (`/browse/KEY`); `getContext().siteUrl` */
  siteUrl?: string;
  /** the account used when a page URL has no `?as=` */
  defaultAccountId?: string;
}

export interface UiServer {
  url: string;
  close(): Promise<void>;
}

/** Handles the UI routes and answers true, or leaves the request alone and answers false (for a bigger server). */
export type UiRequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_SITE_URL = 'https://sandbox.atlassian.net';

// The Custom UI CSP (docs/forge-platform.md §1.10): scripts only from the resource folder, inline styles allowed
// because the manifest grants `unsafe-inline` for Atlaskit's CSS-in-JS. Serving under the same policy keeps the builds
// honest.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

interface Surface {
  kind: UiSurface;
  /** URL folder: /ui/<folder>/ */
  folder: string;
  preferredKey: string;
  buildDir: string;
  moduleKey: string | undefined;
  extension: (query: URLSearchParams) => QueryResult;
  usage: string;
}

const invokeBodySchema = z.object({
  moduleKey: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1, 'accountId is required: open the page with ?as=<accountId>'),
  extension: z.record(z.string(), z.unknown()).optional(),
});

function moduleKeyFor(sandbox: UiSandbox, kind: UiSurface, preferred: string, explicit: string | undefined) {
  if (explicit !== undefined) return explicit;
  const modules = sandbox.manifest.raw.modules[kind];
  return (modules.find((module) => module.key === preferred) ?? modules[0])?.key;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  const body = value === undefined ? '' : JSON.stringify(value);
  send(res, status, 'application/json; charset=utf-8', body);
}

function sendPage(res: http.ServerResponse, status: number, html: string) {
  send(res, status, 'text/html; charset=utf-8', html, { 'content-security-policy': CONTENT_SECURITY_POLICY });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createUiRequestHandler(options: UiServerOptions): UiRequestHandler {
  const { sandbox } = options;
  const siteUrl = (options.siteUrl ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
  const surfaces: Surface[] = [
    {
      kind: 'jira:issuePanel',
      folder: 'issue-panel',
      preferredKey: 'linked-tickets-panel',
      buildDir: options.buildDirs?.issuePanel ?? path.join(REPO_ROOT, 'static', 'issue-panel', 'build'),
      moduleKey: moduleKeyFor(
        sandbox,
        'jira:issuePanel',
        'linked-tickets-panel',
        options.moduleKeys?.issuePanel,
      ),
      extension: issuePanelExtension,
      usage: '/ui/issue-panel/?issue=<issueId>&key=<issueKey>&as=<accountId>[&type=<issueType>][&theme=dark]',
    },
    {
      kind: 'jira:adminPage',
      folder: 'admin',
      preferredKey: 'sync-admin',
      buildDir: options.buildDirs?.adminPage ?? path.join(REPO_ROOT, 'static', 'admin', 'build'),
      moduleKey: moduleKeyFor(sandbox, 'jira:adminPage', 'sync-admin', options.moduleKeys?.adminPage),
      extension: () => ({ ok: true, extension: {} }),
      usage: '/ui/admin/?as=<accountId>[&theme=dark]',
    },
  ];

  async function servePage(
    res: http.ServerResponse,
    surface: Surface,
    query: URLSearchParams,
    chosenMode: ColorMode,
  ) {
    if (surface.moduleKey === undefined) {
      sendPage(res, 404, messagePage('No such module', [`manifest.yml declares no ${surface.kind} module.`]));
      return;
    }
    const accountId = query.get('as') ?? options.defaultAccountId;
    const extension = surface.extension(query);
    // A modal opened by the page (bridge shim, openModal) is the same resource with its opener's custom context.
    const modal = modalContext(query);
    if (accountId === undefined || accountId === '' || !extension.ok || !modal.ok) {
      const problems = [
        ...(accountId ? [] : ['as (the viewing account id) is required']),
        ...(extension.ok ? [] : [extension.message]),
        ...(modal.ok ? [] : [modal.message]),
      ];
      sendPage(res, 400, messagePage('Missing page parameters', [...problems, `Use ${surface.usage}`]));
      return;
    }
    const index = await readFileIfPresent(path.join(surface.buildDir, 'index.html'));
    if (!index) {
      sendPage(
        res,
        503,
        messagePage('The UI is not built', [
          `${surface.buildDir}/index.html is missing: run npm run build:ui.`,
        ]),
      );
      return;
    }
    const context = fullContext({
      surface: surface.kind,
      moduleKey: surface.moduleKey,
      accountId,
      cloudId: sandbox.cloudId,
      siteUrl,
      // ?theme= on the URL first, else the console's light/dark toggle (console/color-mode.ts).
      colorMode:
        query.get('theme') === 'dark' ? 'dark' : query.get('theme') === 'light' ? 'light' : chosenMode,
      extension:
        modal.modal === undefined ? extension.extension : { ...extension.extension, modal: modal.modal },
    });
    sendPage(res, 200, injectSandbox(index.toString('utf8'), context));
  }

  async function serveAsset(res: http.ServerResponse, surface: Surface, relative: string) {
    const file = resolveInside(surface.buildDir, relative);
    const content = file ? await readFileIfPresent(file) : undefined;
    if (!file || !content) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    send(res, 200, contentTypeOf(file), content);
  }

  async function serveInvoke(req: http.IncomingMessage, res: http.ServerResponse) {
    // Only the pages this server serves may call: a page on another origin could otherwise drive local resolvers.
    const origin = fromOtherOrigin(req);
    if (origin !== undefined) {
      sendJson(res, 403, { error: `Requests from ${origin} are not accepted` });
      return;
    }
    const text = await readBodyText(req, MAX_BODY_BYTES);
    if (text === undefined) {
      sendJson(res, 413, { error: `The request body is larger than ${MAX_BODY_BYTES} bytes` });
      return;
    }
    const body = invokeBodySchema.safeParse(parseJson(text));
    if (!body.success) {
      sendJson(res, 400, { error: z.prettifyError(body.error) });
      return;
    }
    const request = body.data;
    if (!sandbox.manifest.uiResolvers.has(request.moduleKey)) {
      sendJson(res, 404, {
        error: `manifest.yml declares no UI module "${request.moduleKey}" with a resolver`,
      });
      return;
    }
    try {
      const result = await sandbox.invokeResolver({
        moduleKey: request.moduleKey,
        functionKey: request.functionKey,
        payload: request.payload ?? {},
        accountId: request.accountId,
        extension: request.extension ?? {},
      });
      sendJson(res, 200, result);
    } catch (error) {
      sendJson(res, 500, { error: errorMessage(error) });
    }
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname === '/api/invoke') {
      if (method !== 'POST') {
        send(res, 405, 'text/plain; charset=utf-8', 'Use POST', { allow: 'POST' });
        return true;
      }
      await serveInvoke(req, res);
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === SHIM_PATH) {
      const shim = await readFileIfPresent(path.join(__dirname, 'bridge-shim.js'));
      if (!shim) throw new Error('sandbox/web/bridge-shim.js is missing');
      send(res, 200, 'text/javascript; charset=utf-8', shim);
      return true;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (url.pathname === '/sandbox/theme.css') {
      send(res, 200, 'text/css; charset=utf-8', themeCss());
      return true;
    }
    for (const surface of surfaces) {
      const prefix = `/ui/${surface.folder}`;
      if (url.pathname === prefix) {
        // Relative asset URLs (`./assets/…`) only resolve under the folder with its trailing slash.
        res.writeHead(308, { location: `${prefix}/${url.search}` });
        res.end();
        return true;
      }
      if (url.pathname === `${prefix}/` || url.pathname === `${prefix}/index.html`) {
        await servePage(res, surface, url.searchParams, colorModeOf(req));
        return true;
      }
      if (url.pathname.startsWith(`${prefix}/`)) {
        await serveAsset(res, surface, url.pathname.slice(prefix.length + 1));
        return true;
      }
    }
    return false;
  };
}

/** Starts the UI server on 127.0.0.1. */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const handle = createUiRequestHandler(options);
  const server = http.createServer((req, res) => {
    handle(req, res)
      .then((handled) => {
        if (!handled) send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      })
      .catch((error: unknown) => {
        console.error('ui-server:', error);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', errorMessage(error));
        else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = z.object({ port: z.number() }).parse(server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
