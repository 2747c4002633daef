// The only link targets allowed into either system. Everything else (javascript:, data:, vbscript:,
// relative paths, internal profile URLs without a scheme) is shown as text instead of a link.
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

function parseAbsolute(raw: string): URL | undefined {
  const trimmed = raw.trim();
  // URL.canParse strips tabs and newlines the way browsers do, so `java\tscript:` is judged as a browser would.
  return trimmed !== '' && URL.canParse(trimmed) ? new URL(trimmed) : undefined;
}

/** A normalised http, https or mailto URL, or undefined when the target is not safe to link. */
export function safeLinkHref(raw: string): string | undefined {
  const url = parseAbsolute(raw);
  if (url === undefined || !LINK_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:' && url.pathname === '') return undefined;
  return url.href;
}

/** A normalised http or https URL (image sources, cards), or undefined. */
export function safeWebHref(raw: string): string | undefined {
  const url = parseAbsolute(raw);
  return url !== undefined && WEB_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
