// The root of the admin surface: organisations, the clock, injected faults, the request log and reseeding.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ControllableClock } from '../clock';
import type { FaultInjector, FaultSpec } from '../faults';
import type { OrgRecord } from '../model';
import type { RateLimiter } from '../rate-limits';
import type { RequestLog, RequestLogEntry } from '../request-log';
import type { EmulatorState } from '../state';
import { OrgAdmin } from './org-admin';
import { AdminError } from './refs';
import { createOrgInput, type CreateOrgInput, type SeedName } from './schemas';

export interface SandboxParts {
  readonly state: EmulatorState;
  readonly clock: ControllableClock;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
}

export type Seeder = (admin: SandboxAdmin, seed: SeedName) => void;

export class SandboxAdmin {
  constructor(
    private readonly parts: SandboxParts,
    private readonly seeder: Seeder,
  ) {}

  get clock(): ControllableClock {
    return this.parts.clock;
  }

  get faults(): FaultInjector {
    return this.parts.faults;
  }

  createOrg(input: CreateOrgInput = {}): OrgAdmin {
    const parsed = createOrgInput.safeParse(input);
    if (!parsed.success) throw new AdminError(400, z.prettifyError(parsed.error));
    const { state } = this.parts;
    const requestedId =
      parsed.data.organizationId === undefined ? undefined : Number(parsed.data.organizationId);
    if (requestedId !== undefined && state.orgs.has(requestedId)) {
      throw new AdminError(400, `Organization ${requestedId} already exists`);
    }
    let id = requestedId;
    if (id === undefined) {
      do id = state.nextId('org');
      while (state.orgs.has(id));
    } else {
      state.reserveId('org', id);
    }
    const org: OrgRecord = {
      id,
      name: parsed.data.name ?? `Organization ${id}`,
      apiToken: parsed.data.apiToken ?? randomUUID(),
      timeZone: parsed.data.timeZone ?? 'America/Chicago',
      culture: parsed.data.culture ?? 'en-US',
      // The defaults given to new orgs in 2018 (docs/teamsupport-api.md §12).
      minuteLimit: parsed.data.minuteLimit ?? 1200,
      dailyLimit: parsed.data.dailyLimit ?? 5000,
      apiEnabled: parsed.data.apiEnabled ?? true,
      builtInJiraInstance: parsed.data.builtInJiraInstance ?? false,
      textEncoding: parsed.data.textEncoding ?? 'escaped',
      nextTicketNumber: 1,
    };
    state.orgs.set(id, org);
    return new OrgAdmin(this.parts, id);
  }

  /** An organisation by id; without an id, the first one (the seeded org). */
  org(id?: number | string): OrgAdmin {
    const orgs = [...this.parts.state.orgs.keys()];
    const wanted = id === undefined ? orgs[0] : Number(id);
    if (wanted === undefined || !this.parts.state.orgs.has(wanted)) {
      throw new AdminError(404, `Unknown organization ${id === undefined ? '(none created)' : String(id)}`);
    }
    return new OrgAdmin(this.parts, wanted);
  }

  orgs(): OrgAdmin[] {
    return [...this.parts.state.orgs.keys()].map((id) => new OrgAdmin(this.parts, id));
  }

  requests(): readonly RequestLogEntry[] {
    return this.parts.log.list();
  }

  clearRequests(): void {
    this.parts.log.clear();
  }

  failNext(count: number, spec: FaultSpec): void {
    this.parts.faults.failNext(count, spec);
  }

  setLatency(ms: number): void {
    this.parts.faults.setLatency(ms);
  }

  /** Drop all data, counters, faults and the request log, then seed again (the clock is kept). */
  reset(seed: SeedName = 'default'): void {
    this.parts.state.clear();
    this.parts.limiter.reset();
    this.parts.faults.clear();
    this.parts.log.clear();
    this.seeder(this, seed);
  }
}
