// The TeamSupport server address an admin may enter: https hosts the manifest's egress allows and nothing else, since
// on Forge a call to any other host is refused (docs/forge-platform.md §1.10).
import { z } from 'zod';

export type BaseUrlResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * The one domain the app may call for TeamSupport. manifest.yml's egress entry
 * (`permissions.external.fetch.backend`) is built from it, and test/contract/egress.test.ts holds the two together.
 * Forge matches backend egress on protocol and host name only, and a wildcard covers sub-domains, never the bare
 * domain: https://developer.atlassian.com/platform/forge/runtime-egress-permissions/
 */
export const TEAMSUPPORT_DOMAIN = 'teamsupport.com';
/** manifest.yml's egress entry for TeamSupport. */
export const TEAMSUPPORT_EGRESS = `https://*.${TEAMSUPPORT_DOMAIN}`;

const EXAMPLE = 'e.g. https://app.na2.teamsupport.com';
const ALLOWED_HOSTS =
  `TeamSupport addresses end in .${TEAMSUPPORT_DOMAIN} (https://app.teamsupport.com, ` +
  'https://app.na2.teamsupport.com …); the app may only call those hosts';

/** DNS labels (letters, digits, inner hyphens) followed by the TeamSupport domain: `app.na2.teamsupport.com`. */
const TEAMSUPPORT_HOST = new RegExp(
  `^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+${TEAMSUPPORT_DOMAIN.replace(/\./g, '\\.')}$`,
);

/** Whether `hostname` (as the WHATWG URL parser gives it: lower case, no port) is one the app's egress allows. */
export function isTeamSupportHost(hostname: string): boolean {
  return TEAMSUPPORT_HOST.test(hostname);
}

/** Admins paste whatever their browser shows, often an API endpoint; the client appends `/api/json/...` itself. */
function stripApiSuffix(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed.replace(/\/api(?:\/json)?$/i, '').replace(/\/+$/, '');
}

/**
 * Checks and normalises the TeamSupport server address: `https://app.na2.teamsupport.com/api/json/` becomes
 * `https://app.na2.teamsupport.com`. Only https on the default port of a host under teamsupport.com passes, since
 * that is all the manifest lets the app reach; anything else would fail on every call. The WHATWG parser lowercases
 * the host, drops the default port and reads IP spellings as IPs, so the host test sees what fetch would call.
 */
export function normalizeBaseUrl(raw: string): BaseUrlResult {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `Enter the full server address including https://, ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      message: `Use https:// (the API token is sent with every request). ${ALLOWED_HOSTS}.`,
    };
  }
  // Parsers disagree on `\`: WHATWG reads `https://a.teamsupport.com\@evil.com` as a path, others as user info.
  if (text.includes('\\')) {
    return { ok: false, message: `Remove the backslash (\\): enter only the server address, ${EXAMPLE}.` };
  }
  if (url.username !== '' || url.password !== '' || text.includes('@')) {
    return {
      ok: false,
      message:
        'Remove the user name and password from the address: enter them as Organization ID and API token.',
    };
  }
  // Checked on the text because the parser forgets an empty `?` or `#`.
  if (text.includes('?') || text.includes('#')) {
    return {
      ok: false,
      message: `Remove the query (?…) and fragment (#…): enter only the server address, ${EXAMPLE}.`,
    };
  }
  if (!isTeamSupportHost(url.hostname)) {
    return { ok: false, message: `${url.hostname} is not a TeamSupport address. ${ALLOWED_HOSTS}.` };
  }
  if (url.port !== '') {
    return {
      ok: false,
      message: `Remove the port (:${url.port}): TeamSupport answers on the standard https port, ${EXAMPLE}.`,
    };
  }
  const path = stripApiSuffix(url.pathname);
  if (path !== '') {
    const what = /(?:^|\/)api(?:\/|$)/i.test(path) ? 'an API path' : `a path (${path})`;
    return { ok: false, message: `Enter only the server address, without ${what}, ${EXAMPLE}.` };
  }
  return { ok: true, value: `https://${url.hostname}` };
}

export const BaseUrlSchema = z
  .string({ error: `Enter the TeamSupport server address, ${EXAMPLE}.` })
  .transform((raw, ctx) => {
    const result = normalizeBaseUrl(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message, input: raw });
    return z.NEVER;
  });

/**
 * A stored address is read back as it was saved. Older builds accepted any https host (and loopback http): such an
 * instance must still load, so that the admin page can show it and the admin can correct it, while every call to it
 * is reported as blocked by the app's egress permissions. New input always goes through BaseUrlSchema.
 */
export const StoredBaseUrlSchema = z.string().refine((value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}, 'The stored server address is not an http(s) address: edit the instance and enter it again.');
