// Every benchmark, in the order `npm run bench` runs them.
import { cost } from './cost';
import { inboundBacklog, inboundBacklogDense } from './inbound-backlog';
import { inboundCycle } from './inbound-cycle';
import { inboundUneven } from './inbound-uneven';
import { latency } from './latency';
import { outboundFanout } from './outbound-fanout';
import { outboundRequests } from './outbound-requests';
import type { Benchmark } from './support/benchmark';

export const BENCHMARKS: readonly Benchmark[] = [
  outboundRequests,
  outboundFanout,
  inboundCycle,
  inboundBacklog,
  inboundBacklogDense,
  inboundUneven,
  cost,
  latency,
];
