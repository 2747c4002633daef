// The sandbox console's routes: pages (GET; Brevo's are read-only), the user's actions on the emulated Jira and
// TeamSupport (form POSTs, answered with a redirect back), and the live stream that tells open pages something changed.
import type http from 'node:http';
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fromOtherOrigin, readBodyText } from '../request';
import { brevoContactPage, brevoPage, findContact } from './brevo-pages';
import { colorModeCookie, colorModeOf, parseColorModeForm, type ColorMode } from './color-mode';
import { NoSuchAction, performAction } from './console-actions';
import { eventsPage, countersTable } from './events-page';
import { html, type Html } from './html';
import { issueListPage, issuePage } from './jira-pages';
import { page, type PageChrome, type Section } from './layout';
import { overviewPage } from './overview-page';
import { readReadmeWalkthrough } from './readme-walkthrough';
import type { ConsoleDeps } from './console-deps';
import { ISSUE_KEY, safeBack } from './paths';
import { ticketListPage, ticketPage } from './teamsupport-pages';

export type { ConsoleDeps } from './console-deps';

export type ConsoleHandler = ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>) & {
  /** ends the open live streams (before the server closes) */
  closeStreams(): void;
};

// Console pages load only their own script and style, and frame only this origin's Custom UI pages.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_FORM_BYTES = 64 * 1024;

function withNotice(target: string, kind: 'success' | 'error', text: string): string {
  const url = new URL(target, 'http://console.invalid');
  url.searchParams.set('notice', text);
  url.searchParams.set('noticeKind', kind);
  return `${url.pathname}${url.search}`;
}

function errorText(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((issue) => issue.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}

async function readForm(req: http.IncomingMessage): Promise<Record<string, string>> {
  const text = await readBodyText(req, MAX_FORM_BYTES);
  if (text === undefined) throw new Error(`The form is larger than ${MAX_FORM_BYTES} bytes`);
  return Object.fromEntries(new URLSearchParams(text));
}

export function createConsoleHandler(deps: ConsoleDeps): ConsoleHandler {
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  const streams = new Set<http.ServerResponse>();
  const onLog = (entry: { seq: number; kind: string }): void => {
    changes.emit('change', { seq: entry.seq, kind: entry.kind });
  };
  deps.sandbox.on('log', onLog);
  // The app's requests are counted under the host it calls: the sandbox's own TeamSupport name, Brevo's API host.
  const hosts = { teamSupport: new URL(deps.ts.appUrl).host, brevo: new URL(deps.brevo.appUrl).host };

  function chrome(query: URLSearchParams, colorMode: ColorMode): PageChrome {
    const notice = query.get('notice');
    return {
      colorMode,
      nextPullAt: deps.pull.nextPullAt,
      pullEverySeconds: Math.round(deps.pull.intervalMs / 1000),
      notice: notice
        ? { kind: query.get('noticeKind') === 'error' ? 'error' : 'success', text: notice.slice(0, 500) }
        : undefined,
    };
  }

  function sendPage(res: http.ServerResponse, status: number, body: Html): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    res.end(body.value);
  }

  function render(url: URL): { status: number; title: string; section: Section; body: Html } | undefined {
    const parts = url.pathname.split('/').filter(Boolean);
    const counters = (only?: readonly string[]): Html =>
      countersTable({
        totals: deps.sandbox.accounting.totals(),
        hosts,
        ...(only === undefined ? {} : { only }),
      });
    if (parts.length === 0) {
      const functions = [...deps.sandbox.manifest.functions.values()].map((fn) => ({
        key: fn.key,
        handler: `src/${fn.file}.ts#${fn.exportName}`,
        kinds: fn.kinds.join(', '),
        timeoutSeconds: fn.timeoutSeconds,
      }));
      return {
        status: 200,
        title: 'Overview',
        section: 'overview',
        body: overviewPage({
          tour: deps.tour(),
          jiraUrl: deps.jira.baseUrl,
          teamSupportUrl: deps.ts.baseUrl,
          brevoUrl: deps.brevo.baseUrl,
          functions,
          counters: counters(),
          dataDir: deps.dataDir,
          // Read on every visit, so an edited README shows at once.
          walkthrough: readReadmeWalkthrough(),
        }),
      };
    }
    const jiraInput = { jira: deps.jira.admin, accountId: deps.accountId };
    const [first, second, third] = parts;
    if (first === 'jira' && parts.length === 1)
      return { status: 200, title: 'Jira issues', section: 'jira', body: issueListPage(jiraInput) };
    if (first === 'jira' && second === 'browse' && third !== undefined && parts.length === 3) {
      const key = third.toUpperCase();
      if (!ISSUE_KEY.test(key) || !issueExists(key)) return notFound('jira', `There is no issue ${third}.`);
      return { status: 200, title: key, section: 'jira', body: issuePage(jiraInput, key) };
    }
    if (first === 'teamsupport' && parts.length === 1)
      return { status: 200, title: 'Tickets', section: 'teamsupport', body: ticketListPage(deps.ts.org()) };
    if (first === 'teamsupport' && second === 'tickets' && third !== undefined && parts.length === 3) {
      const number = Number(third);
      const org = deps.ts.org();
      if (!Number.isInteger(number) || !org.tickets().some((t) => t.ticketNumber === number))
        return notFound('teamsupport', `There is no ticket #${third}.`);
      return {
        status: 200,
        title: `Ticket #${number}`,
        section: 'teamsupport',
        body: ticketPage(org, number, issueExists),
      };
    }
    if (first === 'brevo' && parts.length === 1)
      return {
        status: 200,
        title: 'Brevo',
        section: 'brevo',
        body: brevoPage({ brevo: deps.brevo, counters: counters([hosts.brevo]) }),
      };
    if (first === 'brevo' && second === 'contacts' && third !== undefined && parts.length === 3) {
      const id = /^\d+$/.test(third) ? Number(third) : undefined;
      const found = id === undefined ? undefined : findContact(deps.brevo, id);
      if (!found) return notFound('brevo', `There is no Brevo contact ${third}.`);
      return {
        status: 200,
        title: found.contact.email ?? `Contact ${found.contact.id}`,
        section: 'brevo',
        body: brevoContactPage(found, issueExists),
      };
    }
    if (first === 'admin' && parts.length === 1)
      return {
        status: 200,
        title: 'Admin page',
        section: 'admin',
        body: html`<iframe
          class="admin-frame"
          title="Support Ticket Sync admin page"
          src="/ui/admin/?as=${deps.accountId}"
        ></iframe>`,
      };
    if (first === 'events' && parts.length === 1)
      return {
        status: 200,
        title: 'Event log',
        section: 'events',
        body: eventsPage({
          entries: deps.sandbox.logEntries,
          totals: deps.sandbox.accounting.totals(),
          hosts,
          kind: url.searchParams.get('kind') ?? undefined,
        }),
      };
    return undefined;
  }

  function notFound(section: Section, message: string) {
    return {
      status: 404,
      title: 'Not found',
      section,
      body: html`<h1>Not found</h1>
        <p>${message}</p>`,
    };
  }

  function issueExists(key: string): boolean {
    try {
      deps.jira.admin.issueView(key);
      return true;
    } catch {
      return false;
    }
  }

  async function handleAction(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (fromOtherOrigin(req) !== undefined) {
      res
        .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Cross-origin form posts are refused');
      return;
    }
    const form = await readForm(req);
    const referer = safeBack(form.back ?? pathOf(req.headers.referer), '/');
    if (url.pathname === '/actions/color-mode') {
      // Only the browser's cookie changes: nothing in the sandbox does, so no notice and no live refresh.
      const mode = parseColorModeForm(form);
      if (mode === undefined)
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('mode must be light or dark');
      else res.writeHead(303, { location: referer, 'set-cookie': colorModeCookie(mode) }).end();
      return;
    }
    try {
      const done = await performAction(deps, url, form);
      deps.changed();
      changes.emit('change', { seq: 0, kind: 'console' });
      res.writeHead(303, { location: withNotice(done.back, 'success', done.notice) }).end();
    } catch (error) {
      if (error instanceof NoSuchAction) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such action');
        return;
      }
      res.writeHead(303, { location: withNotice(referer, 'error', errorText(error)) }).end();
    }
  }

  function pathOf(referer: string | undefined): string | undefined {
    if (!referer) return undefined;
    try {
      const url = new URL(referer);
      return `${url.pathname}`;
    } catch {
      return undefined;
    }
  }

  function serveLive(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    const send = (change: { seq: number; kind: string }): void => {
      res.write(`data: ${JSON.stringify(change)}\n\n`);
    };
    changes.on('change', send);
    streams.add(res);
    req.on('close', () => {
      changes.off('change', send);
      streams.delete(res);
    });
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/actions/')) {
      if (method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return true;
      }
      await handleAction(req, res, url);
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === '/api/live') {
      serveLive(req, res);
      return true;
    }
    if (url.pathname === '/sandbox/console.js' || url.pathname === '/sandbox/console.css') {
      const file = path.join(__dirname, path.basename(url.pathname));
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/css';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(await readFile(file));
      return true;
    }
    const rendered = render(url);
    if (!rendered) return false;
    sendPage(
      res,
      rendered.status,
      page({
        title: rendered.title,
        section: rendered.section,
        chrome: chrome(url.searchParams, colorModeOf(req)),
        body: rendered.body,
        path: url.pathname,
      }),
    );
    return true;
  };
  return Object.assign(handler, {
    closeStreams: () => {
      deps.sandbox.off('log', onLog);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  });
}
