// Whether this scheduled cycle pulls an instance, given its TeamSupport requests of the last 24 hours: near the
// organization's daily limit the pull runs every 15 minutes, then once an hour (domain/request-budget.ts), and says so
// in the sync log once a day. The usage record is read once per cycle; when the pull runs, the time is noted on it
// and written with the cycle's request count when the invocation ends (sync/request-meter.ts), at no extra request.
import { dailyRequestLimitOf, type StoredInstance } from '../../domain/config';
import { decidePull, type SlowPace } from '../../domain/request-budget';
import { requestsInWindow } from '../../domain/request-usage';
import type { InboundDeps } from './deps';

const dateOf = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));

export async function pullDueWithinBudget(deps: InboundDeps, instance: StoredInstance): Promise<boolean> {
  const now = deps.now();
  // An unreadable record (logged) reads as no use: the pull goes on as usual rather than stopping on a meter.
  const usage = await deps.usage.read(instance.id);
  const decision = decidePull({
    used: requestsInWindow(usage, now),
    limit: dailyRequestLimitOf(instance),
    pulledAt: dateOf(usage?.pulledAt),
    warned: {
      'every-15-minutes': dateOf(usage?.warned?.['every-15-minutes']),
      hourly: dateOf(usage?.warned?.hourly),
    },
    now,
  });
  if (decision.warning !== undefined && decision.pace !== 'every-cycle') {
    await deps.log.append({
      level: 'warn',
      instanceId: instance.id,
      operation: 'pull',
      message: decision.warning,
    });
    const warned: Partial<Record<SlowPace, string>> = {};
    warned[decision.pace] = now.toISOString();
    deps.usage.note(instance.id, { warned });
  }
  if (decision.run) deps.usage.note(instance.id, { pulledAt: now.toISOString() });
  return decision.run;
}
