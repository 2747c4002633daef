// What every part of an organisation's admin surface shares: the org's rows, the clock, input parsing, and the
// resolution of references (id or name) to the org's lookups.
import { z } from 'zod';
import type { Clock } from '../clock';
import { DomainError } from '../domain/domain-error';
import {
  SYSTEM_USER,
  type ActionTypeRecord,
  type ContactRecord,
  type CustomerRecord,
  type GroupRecord,
  type OrgRecord,
  type ProductRecord,
  type SeverityRecord,
  type TicketStatusRecord,
  type TicketTypeRecord,
  type UserRecord,
  type VersionRecord,
} from '../model';
import type { RateLimiter } from '../rate-limits';
import type { EmulatorState } from '../state';
import { AdminError, resolveRef } from './refs';
import type { Ref } from './schemas';

export interface AdminEnvironment {
  readonly state: EmulatorState;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
}

export function parseAdminInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AdminError(400, z.prettifyError(result.error));
  return result.data;
}

/** Domain rule violations become 400s on the admin surface. */
export function asAdminWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof DomainError) throw new AdminError(400, error.message);
    throw error;
  }
}

export const fullName = (person: { firstName: string; lastName: string }): string =>
  `${person.firstName} ${person.lastName}`.trim();

export class OrgScope {
  constructor(
    protected readonly env: AdminEnvironment,
    readonly id: number,
  ) {}

  protected get state(): EmulatorState {
    return this.env.state;
  }

  protected get org(): OrgRecord {
    const org = this.state.orgs.get(this.id);
    if (!org) throw new AdminError(404, `Unknown organization ${this.id}`);
    return org;
  }

  protected now(): Date {
    return this.env.clock.now();
  }

  protected audit(actorId: number = SYSTEM_USER.api) {
    const now = this.now();
    return { dateCreated: now, dateModified: now, creatorId: actorId, modifierId: actorId };
  }

  protected nextPosition(rows: readonly { position: number }[]): number {
    return rows.reduce((max, row) => Math.max(max, row.position + 1), 0);
  }

  ticketType(reference: Ref): TicketTypeRecord {
    return resolveRef(this.state.ticketTypesOf(this.id), reference, (t) => [t.name], 'ticket type');
  }

  ticketStatus(ticketType: Ref, reference: Ref): TicketStatusRecord {
    const type = this.ticketType(ticketType);
    return resolveRef(
      this.state.statusesOfType(type.id),
      reference,
      (s) => [s.name],
      `status of ${type.name}`,
    );
  }

  actionType(reference: Ref): ActionTypeRecord {
    return resolveRef(
      this.state.inOrg(this.state.actionTypes, this.id),
      reference,
      (t) => [t.name],
      'action type',
    );
  }

  product(reference: Ref): ProductRecord {
    return resolveRef(this.state.inOrg(this.state.products, this.id), reference, (p) => [p.name], 'product');
  }

  version(productId: number | null, reference: Ref): VersionRecord {
    const versions = this.state
      .inOrg(this.state.versions, this.id)
      .filter((version) => productId === null || version.productId === productId);
    return resolveRef(versions, reference, (v) => [v.versionNumber], 'version');
  }

  user(reference: Ref): UserRecord {
    return resolveRef(
      this.state.inOrg(this.state.users, this.id),
      reference,
      (u) => [fullName(u), u.email],
      'user',
    );
  }

  customer(reference: Ref): CustomerRecord {
    return resolveRef(
      this.state.inOrg(this.state.customers, this.id),
      reference,
      (c) => [c.name],
      'customer',
    );
  }

  contact(reference: Ref): ContactRecord {
    return resolveRef(
      this.state.inOrg(this.state.contacts, this.id),
      reference,
      (c) => [fullName(c), c.email],
      'contact',
    );
  }

  protected severity(reference: Ref): SeverityRecord {
    return resolveRef(
      this.state.inOrg(this.state.severities, this.id),
      reference,
      (s) => [s.name],
      'severity',
    );
  }

  protected group(reference: Ref): GroupRecord {
    return resolveRef(this.state.inOrg(this.state.groups, this.id), reference, (g) => [g.name], 'group');
  }

  /** An agent or a contact; negative numbers are the system users (-1 unknown, -3 API). */
  protected person(reference: Ref): number {
    if (typeof reference === 'number' && reference < 0) return reference;
    const people = [
      ...this.state.inOrg(this.state.users, this.id),
      ...this.state.inOrg(this.state.contacts, this.id),
    ];
    return resolveRef(people, reference, (p) => [fullName(p), p.email], 'user or contact').id;
  }
}
