// The invocation an SDK call belongs to. Forge runs each invocation in its own process; the sandbox runs many in one
// process at once, so the runtime globals read the current invocation from async context instead of a single object.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvocationRecord } from './accounting';
import type { AppLogSink } from './app-log';

export interface Principal {
  accountId: string;
}

export interface Invocation {
  record: InvocationRecord;
  deadline: number;
  principal: Principal | undefined;
  /** receives what the invocation prints to the console */
  appLog: AppLogSink;
}

export const invocationContext = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return invocationContext.getStore();
}
