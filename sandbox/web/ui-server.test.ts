// The sandbox UI server: pages with the context and bridge shim ahead of the bundle, build assets, the token CSS, and
// resolver calls through the sandbox (against the UI fixture app's canned resolvers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createSandbox, type Sandbox } from '../runtime/sandbox';
import { startUiServer, type UiServer } from './ui-server';

const fixtureApp = path.resolve(__dirname, '../../test/fixtures/ui-app');

const BUILT_INDEX =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>panel</title>' +
  '<script type="module" crossorigin src="./assets/index-abc.js"></script>' +
  '<link rel="stylesheet" href="./assets/index-abc.css"></head><body><div id="root"></div></body></html>';

function makeBuild(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), BUILT_INDEX.replace('panel', name));
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), `console.log(${JSON.stringify(name)});`);
  writeFileSync(path.join(dir, 'assets', 'index-abc.css'), 'body{margin:0}');
  return dir;
}

const contextSchema = z.object({
  accountId: z.string(),
  cloudId: z.string(),
  siteUrl: z.string(),
  moduleKey: z.string(),
  extension: z.record(z.string(), z.unknown()),
});

function embeddedContext(html: string): z.infer<typeof contextSchema> {
  const match = /<script type="application\/json" id="sandbox-context">(.*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no embedded context');
  return contextSchema.parse(JSON.parse(match[1]));
}

describe('startUiServer', () => {
  let sandbox: Sandbox;
  let server: UiServer;
  let buildRoot: string;

  beforeEach(async () => {
    buildRoot = mkdtempSync(path.join(tmpdir(), 'ui-build-'));
    sandbox = createSandbox({ appDir: fixtureApp });
    server = await startUiServer({
      sandbox,
      siteUrl: 'https://example.atlassian.net/',
      buildDirs: {
        issuePanel: makeBuild(buildRoot, 'issue-panel'),
        adminPage: makeBuild(buildRoot, 'admin'),
      },
    });
  });

  afterEach(async () => {
    await server.close();
    await sandbox.close();
    rmSync(buildRoot, { recursive: true, force: true });
  });

  const get = (pathAndQuery: string) => fetch(`${server.url}${pathAndQuery}`, { redirect: 'manual' });

  function invoke(body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${server.url}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  it('listens on loopback', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the issue panel with its context and the shim ahead of the bundle, under the Custom UI CSP', async () => {
    const response = await get('/ui/issue-panel/?issue=10001&key=SUP-12&as=alice&type=Bug');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    const context = embeddedContext(html);
    expect(context).toEqual({
      accountId: 'alice',
      cloudId: sandbox.cloudId,
      siteUrl: 'https://example.atlassian.net',
      moduleKey: 'linked-tickets-panel',
      extension: {
        type: 'jira:issuePanel',
        issue: { id: '10001', key: 'SUP-12', type: 'Bug' },
        project: { key: 'SUP' },
      },
    });
    const shimAt = html.indexOf('<script src="/sandbox/bridge-shim.js"></script>');
    expect(shimAt).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(shimAt).toBeLessThan(html.indexOf('./assets/index-abc.js'));
    expect(html.indexOf('id="sandbox-context"')).toBeLessThan(shimAt);
  });

  it("gives the page the console's colour mode (its cookie), unless ?theme= says otherwise", async () => {
    const themeOf = async (query: string, cookie?: string) => {
      const response = await fetch(
        `${server.url}/ui/issue-panel/?issue=10001&key=SUP-12&as=alice${query}`,
        cookie === undefined ? {} : { headers: { cookie } },
      );
      const match = /id="sandbox-context">(.*?)<\/script>/.exec(await response.text());
      const context = z.object({ theme: z.object({ colorMode: z.string() }) });
      return context.parse(JSON.parse(match?.[1] ?? '{}')).theme.colorMode;
    };
    expect(await themeOf('')).toBe('light');
    expect(await themeOf('', 'sandbox-color-mode=dark')).toBe('dark');
    expect(await themeOf('', 'other=1; sandbox-color-mode=dark')).toBe('dark');
    expect(await themeOf('&theme=light', 'sandbox-color-mode=dark')).toBe('light');
    expect(await themeOf('&theme=dark')).toBe('dark');
    expect(await themeOf('', 'sandbox-color-mode=sepia')).toBe('light');
  });

  it('serves the admin page for the manifest adminPage module', async () => {
    const html = await (await get('/ui/admin/?as=alice')).text();
    expect(html).toContain('<title>admin</title>');
    expect(embeddedContext(html)).toMatchObject({
      moduleKey: 'sync-admin',
      accountId: 'alice',
      extension: { type: 'jira:adminPage' },
    });
  });

  it("serves a modal's page with the opener's extension and the custom context at extension.modal", async () => {
    const modal = encodeURIComponent(JSON.stringify({ unlink: { ticketNumber: '1234' } }));
    const html = await (await get(`/ui/issue-panel/?issue=10001&key=SUP-12&as=alice&modal=${modal}`)).text();
    expect(embeddedContext(html).extension).toEqual({
      type: 'jira:issuePanel',
      issue: { id: '10001', key: 'SUP-12', type: 'Task' },
      project: { key: 'SUP' },
      modal: { unlink: { ticketNumber: '1234' } },
    });
    const broken = await get('/ui/issue-panel/?issue=10001&key=SUP-12&as=alice&modal=%7Bnot-json');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('modal must be JSON');
  });

  it('keeps the embedded context from closing its script element', async () => {
    const html = await (await get('/ui/admin/?as=%3C/script%3E%3Cscript%3Ealert(1)')).text();
    expect(html).not.toContain('</script><script>alert(1)');
    expect(embeddedContext(html).accountId).toBe('</script><script>alert(1)');
  });

  it('redirects the folder without its trailing slash, so relative asset URLs resolve', async () => {
    const response = await get('/ui/issue-panel?issue=1&key=A-1&as=alice');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/ui/issue-panel/?issue=1&key=A-1&as=alice');
  });

  it.each([
    ['/ui/issue-panel/?key=SUP-1&as=alice', /issue \(the issue id\) is required/],
    ['/ui/issue-panel/?issue=10001&key=sup&as=alice', /key must be an issue key/],
    ['/ui/issue-panel/?issue=10001&key=SUP-1', /as \(the viewing account id\) is required/],
    ['/ui/admin/', /as \(the viewing account id\) is required/],
  ])('explains what %s is missing', async (url, message) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
  });

  it('says how to build the UI when the build is missing', async () => {
    rmSync(path.join(buildRoot, 'admin', 'index.html'));
    const response = await get('/ui/admin/?as=alice');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:ui');
  });

  it('serves build assets with their content type, and nothing outside the build folder', async () => {
    const script = await get('/ui/issue-panel/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("issue-panel");');
    expect((await get('/ui/admin/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('/ui/issue-panel/assets/missing.js')).status).toBe(404);
    expect((await get('/ui/issue-panel/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await get('/ui/issue-panel/%2e%2e%2fadmin%2findex.html')).status).toBe(404);
  });

  it('serves the bridge shim and the design-token CSS', async () => {
    const shim = await get('/sandbox/bridge-shim.js');
    expect(shim.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await shim.text()).toContain('global.__bridge = {');
    const css = await (await get('/sandbox/theme.css')).text();
    expect(css).toContain('html[data-color-mode="light"][data-theme~="light:light"]');
    expect(css).toContain('html[data-color-mode="dark"][data-theme~="dark:dark"]');
    expect(css).toContain('--ds-space-100');
  });

  it('invokes a resolver with the page account and extension, answering its result', async () => {
    const response = await invoke({
      moduleKey: 'linked-tickets-panel',
      functionKey: 'getLinkedTickets',
      payload: {},
      accountId: 'alice',
      extension: { issue: { id: '10001', key: 'SUP-1' }, project: { key: 'SUP' } },
    });
    expect(response.status).toBe(200);
    const body = z
      .object({
        ok: z.literal(true),
        data: z.object({ tickets: z.array(z.object({ ticketNumber: z.string() })) }),
      })
      .parse(await response.json());
    expect(body.data.tickets.map((ticket) => ticket.ticketNumber)).toEqual(['1234', '1301']);
  });

  it('passes the account on, so resolvers can refuse it', async () => {
    const response = await invoke({ moduleKey: 'sync-admin', functionKey: 'getSettings', accountId: 'bob' });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers 500 with the error when the resolver fails', async () => {
    const response = await invoke({
      moduleKey: 'linked-tickets-panel',
      functionKey: 'getLinkedTickets',
      accountId: 'alice',
      extension: {},
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  it.each([
    [{ moduleKey: 'nope', functionKey: 'x', accountId: 'alice' }, 404],
    [{ moduleKey: 'sync-admin', functionKey: 'getSettings' }, 400],
    ['not an object', 400],
  ])('refuses %j with %i', async (body, status) => {
    expect((await invoke(body)).status).toBe(status);
  });

  it('refuses calls from pages of other origins', async () => {
    const response = await invoke(
      { moduleKey: 'sync-admin', functionKey: 'getSettings', accountId: 'alice' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
  });

  it('accepts calls from its own pages', async () => {
    const response = await invoke(
      { moduleKey: 'sync-admin', functionKey: 'getSettings', accountId: 'alice' },
      { origin: server.url },
    );
    expect(response.status).toBe(200);
  });

  it('answers 404 for other paths and 405 for GET /api/invoke', async () => {
    expect((await get('/elsewhere')).status).toBe(404);
    expect((await get('/api/invoke')).status).toBe(405);
  });
});
