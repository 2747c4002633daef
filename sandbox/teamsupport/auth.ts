// HTTP Basic auth with OrganizationID:API token, checked like the server's RestCommandModule: the username must
// be an org id, the password a GUID equal to the org's token, and the org must have API access switched on.
import { textReply, type HttpReply } from './http-reply';
import type { OrgRecord } from './model';

export const ACCESS_DENIED: HttpReply = textReply(401, '401 Access Denied', {
  'WWW-Authenticate': 'Basic Realm="TeamSupport-API"',
});

/** A GUID in any of .NET's accepted layouts (hyphens, none, braces, parentheses) as 32 lower-case hex digits. */
export function normaliseGuid(text: string): string | null {
  const bare = text
    .trim()
    .toLowerCase()
    .replace(/^\{(.*)\}$|^\((.*)\)$/, '$1$2');
  if (/^[0-9a-f]{32}$/.test(bare)) return bare;
  if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(bare)) return bare.replace(/-/g, '');
  return null;
}

export function authenticate(
  authorization: string | undefined,
  orgs: ReadonlyMap<number, OrgRecord>,
): OrgRecord | null {
  if (authorization === undefined || authorization.trim() === '') return null;
  const header = authorization.trim();
  // Like the server, a header without the "Basic" scheme is taken as the raw "user:password".
  const userInfo = header.startsWith('Basic')
    ? Buffer.from(header.slice(6), 'base64').toString('latin1')
    : header;
  const [username, password] = userInfo.split(':');
  if (username === undefined || password === undefined || password === '') return null;
  if (!/^\s*[+-]?\d+\s*$/.test(username)) return null;
  const org = orgs.get(Number(username.trim()));
  const token = normaliseGuid(password);
  if (!org || token === null || !org.apiEnabled) return null;
  return normaliseGuid(org.apiToken) === token ? org : null;
}
