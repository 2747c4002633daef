// The HTML of a Custom UI page as the sandbox serves it: the app's built index.html with the page context and the
// bridge shim placed in <head>, ahead of the bundle (docs/forge-platform.md §6.7).
import { z } from 'zod';
import { escapeHtml } from './console/html';

export type UiSurface = 'jira:issuePanel' | 'jira:adminPage';

export const SHIM_PATH = '/sandbox/bridge-shim.js';

/** What Jira would know about the page: the module shown, who is looking, and (for a panel) which issue. */
export interface PageContextInput {
  surface: UiSurface;
  moduleKey: string;
  accountId: string;
  cloudId: string;
  siteUrl: string;
  colorMode: 'light' | 'dark';
  extension: Record<string, unknown>;
}

/** The FullContext `view.getContext()` returns (docs/forge-platform.md §4.3), with sandbox values. */
export function fullContext(input: PageContextInput): Record<string, unknown> {
  return {
    accountId: input.accountId,
    cloudId: input.cloudId,
    siteUrl: input.siteUrl,
    environmentId: 'sandbox-environment',
    environmentType: 'DEVELOPMENT',
    moduleKey: input.moduleKey,
    localId: `${input.moduleKey}-sandbox`,
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: input.colorMode },
    extension: { type: input.surface, ...input.extension },
  };
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

const panelQuerySchema = z.object({
  issue: z
    .string({ error: 'issue (the issue id) is required' })
    .regex(/^\d+$/, 'issue must be a numeric issue id'),
  key: z
    .string({ error: 'key (the issue key) is required' })
    .regex(ISSUE_KEY, 'key must be an issue key, e.g. SUP-12'),
  type: z.string().min(1).default('Task'),
});

export type QueryResult = { ok: true; extension: Record<string, unknown> } | { ok: false; message: string };

/** `?issue=10001&key=SUP-1[&type=Bug]` → the issue panel's extension `{issue: {id, key, type}, project: {key}}`. */
export function issuePanelExtension(query: URLSearchParams): QueryResult {
  const parsed = panelQuerySchema.safeParse({
    issue: query.get('issue') ?? undefined,
    key: query.get('key') ?? undefined,
    type: query.get('type') ?? undefined,
  });
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('; ') };
  const { issue, key, type } = parsed.data;
  return {
    ok: true,
    extension: { issue: { id: issue, key, type }, project: { key: key.slice(0, key.lastIndexOf('-')) } },
  };
}

/** The longest `?modal=` the sandbox takes: a modal's context is a few ids and names, not data. */
const MODAL_CONTEXT_MAX_LENGTH = 16_384;

/**
 * A modal's page (`?modal=<JSON>`, written by the bridge shim's openModal): the custom context the opener passed,
 * which the modal's context carries at `extension.modal` (https://developer.atlassian.com/platform/forge/
 * apis-reference/ui-api-bridge/modal/). `{ ok: true, modal: undefined }` for a page that is no modal.
 */
export function modalContext(
  query: URLSearchParams,
): { ok: true; modal: unknown } | { ok: false; message: string } {
  const text = query.get('modal');
  if (text === null) return { ok: true, modal: undefined };
  if (text.length > MODAL_CONTEXT_MAX_LENGTH) {
    return { ok: false, message: `modal must be at most ${MODAL_CONTEXT_MAX_LENGTH} characters of JSON` };
  }
  try {
    const modal: unknown = JSON.parse(text);
    return { ok: true, modal };
  } catch {
    return { ok: false, message: 'modal must be JSON (the context the opener passed to Modal)' };
  }
}

/** JSON that is safe inside a <script> data block: no `</script>` or `<!--` can close it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Puts the context and the shim in <head> ahead of the first script or stylesheet of the build, so both exist before
 * any of the app's code runs (and the charset declaration stays first).
 */
export function injectSandbox(indexHtml: string, context: Record<string, unknown>): string {
  const injected =
    `<script type="application/json" id="sandbox-context">${scriptSafeJson(context)}</script>` +
    `<script src="${SHIM_PATH}"></script>`;
  const anchor = /<(?:script|link)\b|<\/head>/i.exec(indexHtml);
  if (!anchor) return `${injected}${indexHtml}`;
  return `${indexHtml.slice(0, anchor.index)}${injected}${indexHtml.slice(anchor.index)}`;
}

/** A plain page explaining what is missing (no build yet, a query parameter left out). */
export function messagePage(title: string, lines: string[]): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font:14px/1.5 system-ui,sans-serif;margin:2rem"><h1>${escapeHtml(title)}</h1>` +
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    '</body></html>'
  );
}
