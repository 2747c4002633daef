// The admin surface of one organisation: credentials and settings here; lookups (OrgSetup), tickets and actions
// (OrgTickets) and reference resolution (OrgScope) in the layers below. Not part of the emulated API: admin writes
// are neither logged nor counted against rate limits.
import type { OrgRecord } from '../model';
import type { RequestCounters } from '../rate-limits';
import { parseAdminInput as parse } from './org-scope';
import { OrgTickets } from './org-tickets';
import { orgSettingsInput, type OrgSettingsInput } from './schemas';

export type { AdminEnvironment } from './org-scope';
export type { OrgLookups } from './org-setup';

export interface OrgSettings {
  readonly organizationId: string;
  readonly name: string;
  readonly apiToken: string;
  readonly timeZone: string;
  readonly culture: OrgRecord['culture'];
  readonly minuteLimit: number;
  readonly dailyLimit: number;
  readonly apiEnabled: boolean;
  readonly builtInJiraInstance: boolean;
  readonly textEncoding: OrgRecord['textEncoding'];
}

export class OrgAdmin extends OrgTickets {
  /** The Basic-auth username. */
  get organizationId(): string {
    return String(this.id);
  }

  get apiToken(): string {
    return this.org.apiToken;
  }

  /** `Basic base64(OrganizationID:token)`, ready for an Authorization header. */
  authorizationHeader(): string {
    return `Basic ${Buffer.from(`${this.organizationId}:${this.apiToken}`).toString('base64')}`;
  }

  settings(): OrgSettings {
    const org = this.org;
    return {
      organizationId: String(org.id),
      name: org.name,
      apiToken: org.apiToken,
      timeZone: org.timeZone,
      culture: org.culture,
      minuteLimit: org.minuteLimit,
      dailyLimit: org.dailyLimit,
      apiEnabled: org.apiEnabled,
      builtInJiraInstance: org.builtInJiraInstance,
      textEncoding: org.textEncoding,
    };
  }

  updateSettings(input: OrgSettingsInput): OrgSettings {
    const parsed = parse(orgSettingsInput, input);
    const org = this.org;
    if (parsed.name !== undefined) org.name = parsed.name;
    if (parsed.apiToken !== undefined) org.apiToken = parsed.apiToken;
    if (parsed.timeZone !== undefined) org.timeZone = parsed.timeZone;
    if (parsed.culture !== undefined) org.culture = parsed.culture;
    if (parsed.minuteLimit !== undefined) org.minuteLimit = parsed.minuteLimit;
    if (parsed.dailyLimit !== undefined) org.dailyLimit = parsed.dailyLimit;
    if (parsed.apiEnabled !== undefined) org.apiEnabled = parsed.apiEnabled;
    if (parsed.builtInJiraInstance !== undefined) org.builtInJiraInstance = parsed.builtInJiraInstance;
    if (parsed.textEncoding !== undefined) org.textEncoding = parsed.textEncoding;
    return this.settings();
  }

  counters(): RequestCounters {
    return this.env.limiter.counters(this.id, this.now());
  }

  resetCounters(): void {
    this.env.limiter.reset(this.id);
  }
}
