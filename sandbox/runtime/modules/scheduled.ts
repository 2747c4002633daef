// Scheduled triggers (the platform side of src/entry/scheduled.ts): one run of the trigger's function. A failed run
// is not retried by the platform: the next run is the next interval.
import type { InvocationResult } from '../host';
import type { ModuleContext } from './context';
import { describeResult } from './invocation-outcome';

export async function runScheduledTrigger(context: ModuleContext, key: string): Promise<InvocationResult> {
  const trigger = context.manifest.scheduledTriggers.find((t) => t.key === key);
  if (!trigger) throw new Error(`manifest.yml declares no scheduledTrigger "${key}"`);
  const result = await context.host.invoke({
    functionKey: trigger.function,
    moduleKey: trigger.key,
    kind: 'scheduledTrigger',
    args: [
      {
        context: { cloudId: context.cloudId, moduleKey: trigger.key },
        contextToken: 'sandbox-context-token',
      },
    ],
  });
  context.log('scheduled', `${key}: ${describeResult(result)}`);
  return result;
}
