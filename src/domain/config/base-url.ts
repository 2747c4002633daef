import { z } from 'zod';

export type BaseUrlResult = { ok: true; value: string } | { ok: false; message: string };

const EXAMPLE = 'e.g. https://app.na2.teamsupport.com';

/** localhost, 127.0.0.0/8 and [::1]: the only hosts where plain http cannot leak credentials off the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Admins paste whatever their browser shows, often an API endpoint; the client appends `/api/json/...` itself. */
function stripApiSuffix(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed.replace(/\/api(?:\/json)?$/i, '').replace(/\/+$/, '');
}

/**
 * Checks and normalises the TeamSupport server address: `https://app.na2.teamsupport.com/api/json/` becomes
 * `https://app.na2.teamsupport.com`. The WHATWG parser already lowercases the host, drops default ports and
 * canonicalises IPv4/IPv6 spellings (so `http://127.1` is recognised as loopback).
 */
export function normalizeBaseUrl(raw: string): BaseUrlResult {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `Enter the full server address including https://, ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Use an https:// address, ${EXAMPLE}.` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message:
        'Use https://: the API token is sent with every request. http:// is accepted only for loopback hosts ' +
        '(localhost, 127.0.0.0/8, [::1]) used in local testing.',
    };
  }
  if (url.username !== '' || url.password !== '') {
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
  const path = stripApiSuffix(url.pathname);
  if (/(?:^|\/)api(?:\/|$)/i.test(path)) {
    return { ok: false, message: `Enter only the server address, without an API path, ${EXAMPLE}.` };
  }
  return { ok: true, value: `${url.protocol}//${url.host}${path}` };
}

export const BaseUrlSchema = z
  .string({ error: `Enter the TeamSupport server address, ${EXAMPLE}.` })
  .transform((raw, ctx) => {
    const result = normalizeBaseUrl(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message, input: raw });
    return z.NEVER;
  });
