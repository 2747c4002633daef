// Test support shared by the KVS emulator's suites: the entities of a sample manifest, a hand-driven clock and an
// assertion for the SDK's ForgeKvsAPIError.
import { entitiesFromManifest } from './manifest-entities';
import type { ForgeKvsSdk } from './sdk-harness';

/** `app.storage.entities` exactly as a manifest writes it (bare index names, `range` as a list). */
export const SAMPLE_MANIFEST_ENTITIES: unknown = [
  {
    name: 'link',
    attributes: {
      issueId: { type: 'string' },
      instanceId: { type: 'string' },
      ticketId: { type: 'string' },
      updatedAt: { type: 'integer' },
      state: { type: 'string' },
      score: { type: 'float' },
      open: { type: 'boolean' },
      tags: { type: 'any' },
    },
    indexes: ['issueId', { name: 'by-ticket', partition: ['instanceId', 'ticketId'], range: ['updatedAt'] }],
  },
  { name: 'mirror', attributes: { source: { type: 'string' } } },
  {
    name: 'event',
    attributes: { instanceId: { type: 'string' }, at: { type: 'integer' }, level: { type: 'string' } },
    indexes: [
      { name: 'by-instance', partition: ['instanceId'], range: ['at'] },
      { name: 'by-level', partition: ['level'] },
    ],
  },
];

export const SAMPLE_ENTITIES = entitiesFromManifest(SAMPLE_MANIFEST_ENTITIES);

export interface Link {
  issueId?: string;
  instanceId?: string;
  ticketId?: string;
  updatedAt?: number;
  state?: string;
  score?: number;
  open?: boolean;
  tags?: unknown;
}

export interface SyncEvent {
  instanceId: string;
  at: number;
  level: string;
}

export class FakeClock {
  constructor(private ms = Date.UTC(2025, 0, 1, 12, 0, 0)) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Awaits a promise that must reject with the SDK's ForgeKvsAPIError and returns that error. */
export async function kvsErrorOf(
  sdk: ForgeKvsSdk,
  promise: Promise<unknown>,
): Promise<InstanceType<ForgeKvsSdk['ForgeKvsAPIError']>> {
  let outcome: { rejected: false } | { rejected: true; error: unknown } = { rejected: false };
  try {
    await promise;
  } catch (error) {
    outcome = { rejected: true, error };
  }
  if (!outcome.rejected) throw new Error('expected the KVS call to fail, but it succeeded');
  if (!(outcome.error instanceof sdk.ForgeKvsAPIError)) throw outcome.error;
  return outcome.error;
}
