// Helpers for the emulator's own tests: plain fetch against a started emulator, JSON read through zod.
import { z } from 'zod';
import { platformFetch } from '../runtime/globals';
import {
  startTeamSupportEmulator,
  type TeamSupportEmulator,
  type TeamSupportEmulatorOptions,
} from './emulator';
import type { OrgAdmin } from './admin/org-admin';
import type { CreateOrgInput } from './admin/schemas';

/** 2024-05-01 17:00 UTC = 12:00 PM in America/Chicago (CDT, UTC-5). */
export const FROZEN_NOW = new Date('2024-05-01T17:00:00.000Z');

export function startFrozen(options: TeamSupportEmulatorOptions = {}): Promise<TeamSupportEmulator> {
  return startTeamSupportEmulator({ now: () => FROZEN_NOW, ...options });
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const jsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObject>;

export function asObject(value: unknown): JsonObject {
  return jsonObject.parse(value);
}

export function parseJson(response: ApiResponse): JsonObject {
  return asObject(JSON.parse(response.text));
}

/** The value under a key of an object. */
export function at(value: unknown, key: string): unknown {
  return asObject(value)[key];
}

export function objectAt(value: unknown, key: string): JsonObject {
  return asObject(at(value, key));
}

export function arrayAt(value: unknown, key: string): JsonObject[] {
  return z.array(jsonObject).parse(at(value, key));
}

export function stringAt(value: unknown, key: string): string {
  return z.string().parse(at(value, key));
}

const COUNTERS = new Set(['RecordsReturned', 'TotalRecords', 'NextPage']);

/**
 * A list normalised the way the contract tells clients to (docs/teamsupport-api.md §3): null or counters only → [], an
 * object → [it].
 */
export function listItems(body: unknown, key: string): JsonObject[] {
  const value = at(body, key);
  if (value === null) return [];
  if (Array.isArray(value)) return arrayAt(body, key);
  const item = asObject(value);
  return Object.keys(item).every((name) => COUNTERS.has(name)) ? [] : [item];
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string | undefined,
  ) {}

  static for(ts: TeamSupportEmulator, org: OrgAdmin = ts.org()): ApiClient {
    return new ApiClient(ts.apiUrl, org.authorizationHeader());
  }

  async request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.authorization !== undefined) headers['Authorization'] = this.authorization;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    // The jest setup wraps fetch for the app's egress; the emulator is called with the plain one.
    const response = await platformFetch()(`${this.baseUrl}${path}`, { method, headers, body: payload });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown): Promise<ApiResponse> {
    return this.request('POST', path, body);
  }

  put(path: string, body: unknown): Promise<ApiResponse> {
    return this.request('PUT', path, body);
  }

  delete(path: string): Promise<ApiResponse> {
    return this.request('DELETE', path);
  }

  /** GET that must succeed; returns the parsed body. */
  async getJson(path: string): Promise<JsonObject> {
    const response = await this.get(path);
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status}: ${response.text}`);
    return parseJson(response);
  }
}

/** Field order of a ticket (docs/teamsupport-api.md §5) followed by the parts the current server adds. */
export const TICKET_FIELDS = [
  'TicketID',
  'ProductName',
  'ReportedVersion',
  'SolvedVersion',
  'GroupName',
  'TicketTypeName',
  'UserName',
  'Status',
  'StatusPosition',
  'SeverityPosition',
  'IsClosed',
  'Severity',
  'TicketNumber',
  'IsVisibleOnPortal',
  'IsKnowledgeBase',
  'ReportedVersionID',
  'SolvedVersionID',
  'ProductID',
  'GroupID',
  'UserID',
  'TicketStatusID',
  'TicketTypeID',
  'TicketSeverityID',
  'OrganizationID',
  'Name',
  'ParentID',
  'ModifierID',
  'CreatorID',
  'DateModified',
  'DateCreated',
  'DateClosed',
  'CloserID',
  'DaysClosed',
  'DaysOpened',
  'CloserName',
  'CreatorName',
  'ModifierName',
  'HoursSpent',
  'SlaViolationTime',
  'SlaWarningTime',
  'SlaViolationHours',
  'SlaWarningHours',
  'KnowledgeBaseCategoryID',
  'KnowledgeBaseCategoryName',
  'DueDate',
  'TicketSource',
  'JiraKey',
  'Customers',
  'Contacts',
] as const;

/** Field order of an action list item in the docs/teamsupport-api.md §16.2 recording, with ActionID renamed to ID. */
export const ACTION_LIST_FIELDS = [
  'ID',
  'ActionTypeID',
  'SystemActionTypeID',
  'Name',
  'Description',
  'TimeSpent',
  'DateStarted',
  'IsVisibleOnPortal',
  'IsKnowledgeBase',
  'DateCreated',
  'DateModified',
  'ModifierID',
  'CreatorID',
  'TicketID',
  'CreatorName',
  'ModifierName',
  'ActionType',
  'ProductName',
  'ReportedVersion',
  'SolvedVersion',
  'GroupName',
  'TicketType',
  'UserName',
  'Status',
  'StatusPosition',
  'SeverityPosition',
  'IsClosed',
  'Severity',
  'TicketNumber',
  'ReportedVersionID',
  'SolvedVersionID',
  'ProductID',
  'GroupID',
  'UserID',
  'TicketStatusID',
  'TicketTypeID',
  'TicketSeverityID',
  'OrganizationID',
  'TicketName',
  'DateClosed',
  'CloserID',
  'DaysClosed',
  'DaysOpened',
  'CloserName',
  'HoursSpent',
] as const;

/** Every leaf value of the wire format is a string or null. */
export function expectOnlyStringsOrNull(value: unknown): void {
  if (value === null || typeof value === 'string') return;
  if (typeof value !== 'object') throw new Error(`expected a string or null, got a ${typeof value}`);
  if (Array.isArray(value)) {
    for (const item of value) expectOnlyStringsOrNull(item);
    return;
  }
  for (const item of Object.values(asObject(value))) expectOnlyStringsOrNull(item);
}

/** A small org for tests that need exact control over the data (use with seed 'empty'). */
export function setUpSmallOrg(ts: TeamSupportEmulator, overrides: CreateOrgInput = {}): OrgAdmin {
  const org = ts.createOrg({ timeZone: 'America/Chicago', ...overrides });
  org.addTicketType({ name: 'Bug', statuses: [{ name: 'New' }, { name: 'Closed', isClosed: true }] });
  org.addTicketType({ name: 'Question', statuses: [{ name: 'Open' }, { name: 'Answered', isClosed: true }] });
  org.addSeverity({ name: 'Normal' });
  org.addActionType({ name: 'Comment' });
  org.addUser({ firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' });
  org.addCustomField({ name: 'Jira Issue Key' });
  return org;
}
