// The bridge shim run as a browser would run it (a classic script), against a minimal page: the commands and payloads
// @forge/bridge 7.2.0 sends through `callBridge`. The browser tests in test/e2e run it in Chromium with the real apps.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { z } from 'zod';

const SHIM = readFileSync(path.join(__dirname, 'bridge-shim.js'), 'utf8');

const CONTEXT = {
  accountId: 'alice',
  moduleKey: 'linked-tickets-panel',
  siteUrl: 'https://example.atlassian.net',
  extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'SUP-1' } },
};

class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly children: FakeElement[] = [];
  readonly listeners = new Map<string, (() => void)[]>();
  rel = '';
  href = '';
  constructor(
    readonly tagName: string,
    public textContent = '',
  ) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  appendChild(child: FakeElement): FakeElement {
    this.children.push(child);
    return child;
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

interface FetchCall {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

function loadShim(
  options: {
    reply?: Response;
    search?: string;
    embedded?: boolean;
    context?: Record<string, unknown>;
    /** the page holding this one (a modal's iframe is in its opener's host page) */
    parent?: { postMessage: (message: unknown, origin: string) => void };
  } = {},
) {
  const calls: FetchCall[] = [];
  const opened: unknown[][] = [];
  const assigned: string[] = [];
  const html = new FakeElement('html');
  const head = new FakeElement('head');
  const dataBlock = new FakeElement('script', JSON.stringify(options.context ?? CONTEXT));
  const document = {
    documentElement: html,
    head,
    title: '',
    getElementById: (id: string) =>
      id === 'sandbox-context' && options.embedded !== false ? dataBlock : null,
    querySelector: (selector: string) =>
      selector === 'link[data-sandbox-theme]'
        ? (head.children.find((child) => child.attributes.has('data-sandbox-theme')) ?? null)
        : null,
    createElement: (tag: string) => new FakeElement(tag),
    addEventListener: () => undefined,
  };
  const window: Record<string, unknown> = {
    document,
    location: {
      origin: 'http://127.0.0.1:4000',
      search: options.search ?? '',
      assign: (url: string) => assigned.push(url),
    },
    open: (...args: unknown[]) => opened.push(args),
    fetch: (url: string, init: FetchCall['init']) => {
      calls.push({ url, init });
      return Promise.resolve(options.reply ?? new Response(JSON.stringify({ ok: true, data: { n: 1 } })));
    },
    structuredClone,
    console: { info: () => undefined },
    URL,
    URLSearchParams,
    JSON,
    Promise,
    Error,
    Object,
    String,
  };
  window.globalThis = window;
  window.window = window;
  window.parent = options.parent ?? window;
  vm.runInNewContext(SHIM, window);
  const bridge = z
    .object({
      callBridge: z.custom<(cmd: string, payload?: unknown) => Promise<unknown>>(
        (v) => typeof v === 'function',
      ),
    })
    .parse(window.__bridge);
  return { call: bridge.callBridge, calls, opened, assigned, html, head, document };
}

describe('sandbox bridge shim', () => {
  it('installs globalThis.__bridge.callBridge', () => {
    expect(typeof loadShim().call).toBe('function');
  });

  it('invoke posts the resolver call with the page module, account and extension, and answers the result', async () => {
    const shim = loadShim();
    const result = await shim.call('invoke', { functionKey: 'linkTicket', payload: { ticket: '12' } });
    expect(result).toEqual({ ok: true, data: { n: 1 } });
    expect(shim.calls).toHaveLength(1);
    const [call] = shim.calls;
    expect(call?.url).toBe('http://127.0.0.1:4000/api/invoke');
    expect(call?.init.method).toBe('POST');
    expect(JSON.parse(call?.init.body ?? '')).toEqual({
      moduleKey: 'linked-tickets-panel',
      functionKey: 'linkTicket',
      payload: { ticket: '12' },
      accountId: 'alice',
      extension: CONTEXT.extension,
    });
  });

  it('invoke sends {} when the app passes no payload', async () => {
    const shim = loadShim();
    await shim.call('invoke', { functionKey: 'listInstances' });
    expect(JSON.parse(shim.calls[0]?.init.body ?? '')).toMatchObject({ payload: {} });
  });

  it('invoke rejects, like the real bridge, when the server answers with an error status', async () => {
    const shim = loadShim({
      reply: new Response(JSON.stringify({ error: 'resolver getX timed out' }), { status: 500 }),
    });
    await expect(shim.call('invoke', { functionKey: 'getX' })).rejects.toThrow(
      'Resolver "getX" failed (500): resolver getX timed out',
    );
  });

  it('getContext answers a copy of the embedded context', async () => {
    const shim = loadShim();
    const first = await shim.call('getContext');
    expect(first).toEqual(CONTEXT);
    z.object({ accountId: z.string() }).parse(first).accountId = 'changed';
    expect(await shim.call('getContext')).toEqual(CONTEXT);
  });

  it('refuses to run on a page without a context', async () => {
    await expect(loadShim({ embedded: false }).call('getContext')).rejects.toThrow(/no context/);
  });

  it('enableTheming applies the colour mode from ?theme=dark and loads the token CSS once', async () => {
    const shim = loadShim({ search: '?issue=1&theme=dark' });
    const enabled = shim.call('enableTheming');
    expect(shim.html.getAttribute('data-color-mode')).toBe('dark');
    expect(shim.html.getAttribute('data-theme')).toContain('dark:dark light:light');
    const [link] = shim.head.children;
    expect(link?.href).toBe('/sandbox/theme.css');
    link?.dispatch('load');
    await expect(enabled).resolves.toBeUndefined();
    await shim.call('enableTheming');
    expect(shim.head.children).toHaveLength(1);
  });

  it("enableTheming follows the context's theme (the console's dark-mode toggle)", async () => {
    const dark = loadShim({ context: { ...CONTEXT, theme: { colorMode: 'dark' } } });
    void dark.call('enableTheming');
    expect(dark.html.getAttribute('data-color-mode')).toBe('dark');
    const light = loadShim({ context: { ...CONTEXT, theme: { colorMode: 'light' } } });
    void light.call('enableTheming');
    expect(light.html.getAttribute('data-color-mode')).toBe('light');
  });

  it('enableTheming defaults to light', async () => {
    const shim = loadShim();
    void shim.call('enableTheming');
    expect(shim.html.getAttribute('data-color-mode')).toBe('light');
  });

  it('navigate opens router.open URLs in a new tab and router.navigate URLs in this one', async () => {
    const shim = loadShim();
    await shim.call('navigate', { url: 'https://ts.example/?TicketNumber=1', type: 'new-tab' });
    await shim.call('navigate', { target: 'issue', issueKey: 'SUP-2', type: 'same-tab' });
    expect(shim.opened).toEqual([['https://ts.example/?TicketNumber=1', '_blank', 'noopener,noreferrer']]);
    expect(shim.assigned).toEqual(['https://example.atlassian.net/browse/SUP-2']);
  });

  it('getUrl resolves locations against the site', async () => {
    expect(await loadShim().call('getUrl', { target: 'issue', issueKey: 'DEV-7' })).toBe(
      'https://example.atlassian.net/browse/DEV-7',
    );
  });

  it('delivers emitted events to subscribers until they unsubscribe', async () => {
    const shim = loadShim();
    const seen: unknown[] = [];
    const subscription = z
      .object({ unsubscribe: z.custom<() => void>((v) => typeof v === 'function') })
      .parse(await shim.call('on', { event: 'refresh', callback: (payload: unknown) => seen.push(payload) }));
    await shim.call('emit', { event: 'refresh', payload: 1 });
    subscription.unsubscribe();
    await shim.call('emit', { event: 'refresh', payload: 2 });
    expect(seen).toEqual([1]);
  });

  it('changes the window title', async () => {
    const shim = loadShim();
    await shim.call('changeWindowTitle', 'Sync');
    expect(shim.document.title).toBe('Sync');
  });

  it('view.close in a modal posts the payload to the page holding it, and nowhere when it is no modal', async () => {
    const posted: unknown[][] = [];
    const parent = { postMessage: (message: unknown, origin: string) => posted.push([message, origin]) };
    const modal = loadShim({
      context: { ...CONTEXT, extension: { ...CONTEXT.extension, modal: {} } },
      parent,
    });
    expect(await modal.call('close', { unlinked: true })).toBe(true);
    expect(posted).toEqual([
      [{ type: 'sandbox-modal', action: 'close', payload: { unlinked: true } }, 'http://127.0.0.1:4000'],
    ]);

    expect(await loadShim({ parent }).call('close', {})).toBeUndefined();
    expect(posted).toHaveLength(1);
  });

  it('opens modals of the current resource only', async () => {
    await expect(loadShim().call('openModal', { resource: 'other-resource' })).rejects.toThrow(
      'current resource only',
    );
  });

  it('rejects commands it does not implement', async () => {
    await expect(loadShim().call('fetchProduct', {})).rejects.toThrow('does not implement "fetchProduct"');
  });
});
