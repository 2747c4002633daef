// Enhanced JQL search and the approximate count: bounded queries only, page caps, and page tokens bound to the
// query and the caller.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from '../http/errors';
import { compileJql, type CompiledQuery } from '../jql/evaluate';
import { JqlError } from '../jql/errors';
import { parseJql } from '../jql/parser';
import type { Issue } from '../state/types';
import type { JiraCore } from './core';
import type { Caller } from './issues';

/** Page size caps: Jira returns up to 5000 ids per page, fewer when fields are requested (100 here). */
export const MAX_IDS_PER_PAGE = 5000;
export const MAX_ISSUES_WITH_FIELDS_PER_PAGE = 100;

export interface SearchRequest {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  /** only `id`/`key` requested: the larger page cap applies */
  idsOnly: boolean;
}

export interface SearchPage {
  issues: Issue[];
  nextPageToken?: string;
}

const PageToken = z.object({ offset: z.number().int().min(0), query: z.string() });

function queryDigest(jql: string, caller: Caller): string {
  return createHash('sha256').update(`${caller.actor.accountId}\n${jql}`).digest('hex').slice(0, 16);
}

function decodeToken(token: string, digest: string): number {
  try {
    const decoded = PageToken.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (decoded.query === digest) return decoded.offset;
  } catch {
    // fall through: any malformed token is refused the same way
  }
  throw badRequest(['The provided next page token is invalid or does not belong to this query.']);
}

/** Opaque tokens bound to the query and the caller, so a token cannot be replayed against another search. */
function encodeToken(offset: number, digest: string): string {
  return Buffer.from(JSON.stringify({ offset, query: digest }), 'utf8').toString('base64url');
}

/** Enhanced search and the approximate count take bounded queries only (a search restriction besides ORDER BY). */
function compileBounded(core: JiraCore, caller: Caller, jql: string): CompiledQuery {
  const query = parseJql(jql);
  if (!query.where) {
    throw new JqlError(
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  }
  return compileJql(core, caller, query);
}

/**
 * POST /search/approximate-count: the same evaluation and permission filtering as the enhanced search. Jira's count
 * is approximate ("recent updates might not be immediately visible"); the emulator's is exact, like its search.
 */
export function countIssues(core: JiraCore, caller: Caller, jql: string): number {
  const compiled = compileBounded(core, caller, jql);
  let count = 0;
  for (const issue of core.store.issues.values()) if (compiled.matches(issue)) count += 1;
  return count;
}

export function searchIssues(core: JiraCore, caller: Caller, request: SearchRequest): SearchPage {
  const compiled = compileBounded(core, caller, request.jql);
  const digest = queryDigest(request.jql, caller);
  const offset = request.nextPageToken ? decodeToken(request.nextPageToken, digest) : 0;
  const cap = request.idsOnly ? MAX_IDS_PER_PAGE : MAX_ISSUES_WITH_FIELDS_PER_PAGE;
  const size = Math.min(Math.max(request.maxResults, 1), cap);
  const matching = [...core.store.issues.values()]
    .filter((issue) => compiled.matches(issue))
    .sort((a, b) => compiled.compare(a, b));
  const issues = matching.slice(offset, offset + size);
  const next = offset + issues.length;
  return next < matching.length ? { issues, nextPageToken: encodeToken(next, digest) } : { issues };
}
