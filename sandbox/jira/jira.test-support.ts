// Test support: a tiny fetch client for the emulator and an independent oracle (plain ajv over the spec file),
// so the emulator's own validator is not the only judge of its replies.
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import { platformFetch } from '../runtime/globals';
import { startJiraEmulator, type JiraEmulator, type JiraEmulatorOptions } from './index';
import { JIRA_SPEC_PATH } from './paths';

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

export type Principal = 'app' | `user:${string}` | null;

export interface Client {
  get<T = unknown>(path: string): Promise<Reply<T>>;
  delete<T = unknown>(path: string): Promise<Reply<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<Reply<T>>;
}

export function client(jira: JiraEmulator, principal: Principal = 'app'): Client {
  const call = async <T>(method: string, url: string, body?: unknown): Promise<Reply<T>> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (principal) headers['x-forge-principal'] = principal;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // The runtime sandbox wraps global fetch to police app egress; these contract tests talk to the emulator directly.
    const res = await platformFetch()(`${jira.baseUrl}${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  };
  return {
    get: (url) => call('GET', url),
    delete: (url) => call('DELETE', url),
    post: (url, body) => call('POST', url, body),
    put: (url, body) => call('PUT', url, body),
  };
}

export const adf = (text: string): { type: 'doc'; version: 1; content: unknown[] } => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Fresh emulator per test; by default every test must end without contract violations. */
export function useJira(options: JiraEmulatorOptions = {}): () => JiraEmulator {
  let jira: JiraEmulator | undefined;
  beforeEach(async () => {
    jira = await startJiraEmulator(options);
  });
  afterEach(async () => {
    const current = jira;
    jira = undefined;
    if (!current) return;
    const violations = current.contractViolations();
    await current.close();
    expect(violations).toEqual([]);
  });
  return () => {
    if (!jira) throw new Error('emulator not started');
    return jira;
  };
}

let oracle: Ajv | undefined;
const oracleValidators = new Map<string, ReturnType<Ajv['compile']>>();

/** Errors of `value` against `#/components/schemas/<name>` of the vendored spec; [] when valid. */
export function specErrors(schemaName: string, value: unknown): string[] {
  if (!oracle) {
    const spec = JSON.parse(fs.readFileSync(JIRA_SPEC_PATH, 'utf8')) as {
      components: Record<string, unknown>;
    };
    oracle = new Ajv({ strict: false, allErrors: true });
    addFormats(oracle);
    for (const format of ['int32', 'int64', 'double', 'float', 'byte', 'binary', 'url'])
      oracle.addFormat(format, true);
    oracle.addSchema({ $id: 'oracle', components: spec.components });
  }
  const validate =
    oracleValidators.get(schemaName) ?? oracle.compile({ $ref: `oracle#/components/schemas/${schemaName}` });
  oracleValidators.set(schemaName, validate);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

let adfOracle: ((doc: unknown) => boolean) | undefined;

export function isValidAdf(doc: unknown): boolean {
  if (!adfOracle) {
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('@atlaskit/adf-schema/json-schema/v1/full.json'), 'utf8'),
    ) as Record<string, unknown>;
    const validate = new Ajv04({ allErrors: false, strict: false }).compile(schema);
    adfOracle = (doc) => validate(doc);
  }
  return adfOracle(doc);
}

// ---- the shapes tests read (only the members they look at) --------------------------------------------------

export interface ErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

export interface UserBean {
  accountId: string;
  displayName: string;
  accountType: string;
  emailAddress?: string;
}

export interface StatusBean {
  id: string;
  name: string;
  statusCategory: { key: string };
}

export interface CommentBean {
  id: string;
  self: string;
  author: UserBean;
  updateAuthor: UserBean;
  body: unknown;
  created: string;
  updated: string;
  jsdPublic: boolean;
  visibility?: { type: string; value: string };
  properties?: { key: string; value: unknown }[];
}

export interface ChangeItemBean {
  field: string;
  fieldId?: string;
  fieldtype: string;
  from?: string;
  fromString?: string;
  to?: string;
  toString?: string;
}

export interface IssueBean {
  id: string;
  key: string;
  self: string;
  fields: Record<string, unknown> & {
    summary?: string;
    labels?: string[];
    status?: StatusBean;
    reporter?: UserBean | null;
    creator?: UserBean | null;
    updated?: string;
    created?: string;
  };
  changelog?: { total: number; histories: { id: string; author: UserBean; items: ChangeItemBean[] }[] };
  properties?: Record<string, unknown>;
}

export interface SearchResults {
  issues: IssueBean[];
  nextPageToken?: string;
  isLast?: boolean;
}

export interface CreatedIssue {
  id: string;
  key: string;
  self: string;
}
