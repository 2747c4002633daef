// Runs one handler invocation the way Forge does: a fresh invocation id, the module's time budget, the caller's
// principal, and every platform call attributed to it. A handler that overruns its budget is reported as timed out
// (Forge would kill it; a Node process cannot kill a promise, so the sandbox stops waiting and records the overrun).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Accounting, InvocationOutcome, InvocationRecord } from './accounting';
import { installConsoleCapture, type AppLogLine, type AppLogSink } from './console-capture';
import { invocationContext, type Principal } from './invocation';
import type { AppManifest, HostedFunction } from './manifest';

export type InvocationResult =
  | { status: 'ok'; value: unknown; record: InvocationRecord }
  | { status: 'error'; error: unknown; record: InvocationRecord }
  | { status: 'timeout'; record: InvocationRecord };

export interface InvokeRequest {
  functionKey: string;
  moduleKey: string;
  kind: string;
  args: unknown[];
  principal?: Principal | undefined;
  /** overrides the manifest budget, e.g. for ad-hoc test invocations */
  budgetMs?: number;
}

type Handler = (...args: unknown[]) => unknown;

export interface AppLogOptions {
  /** also print captured lines to the real console, prefixed with the function key */
  echo: boolean;
  onLine?: (line: AppLogLine, record: InvocationRecord) => void;
}

// At load, not per sandbox: console-capture.ts explains why the order against tests' console spies matters.
installConsoleCapture();

export class FunctionHost {
  private handlers = new Map<string, Handler>();

  constructor(
    private readonly appDir: string,
    private readonly manifest: AppManifest,
    private readonly accounting: Accounting,
    private readonly appLogs: AppLogOptions,
  ) {}

  private hostedFunction(functionKey: string): HostedFunction {
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new Error(`manifest.yml declares no function "${functionKey}"`);
    return fn;
  }

  private handler(fn: HostedFunction): Handler {
    const cached = this.handlers.get(fn.key);
    if (cached) return cached;
    // Handlers are named by manifest.yml at run time, exactly as the Forge runtime resolves them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(path.join(this.appDir, 'src', fn.file));
    const exported: unknown =
      typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, fn.exportName) : undefined;
    if (typeof exported !== 'function') {
      throw new Error(
        `src/${fn.file} has no exported function "${fn.exportName}" (manifest function "${fn.key}")`,
      );
    }
    const handler: Handler = (...args) => Reflect.apply(exported, undefined, args);
    this.handlers.set(fn.key, handler);
    return handler;
  }

  budgetMs(functionKey: string): number {
    return this.hostedFunction(functionKey).timeoutSeconds * 1000;
  }

  async invoke(request: InvokeRequest): Promise<InvocationResult> {
    const fn = this.hostedFunction(request.functionKey);
    const handler = this.handler(fn);
    return this.run(request, fn.timeoutSeconds * 1000, () => handler(...request.args));
  }

  /** Runs arbitrary code as if it were an invocation of `moduleKey` (tests call store or use-case code this way). */
  async run(
    request: Omit<InvokeRequest, 'args'>,
    defaultBudgetMs: number,
    body: () => unknown,
  ): Promise<InvocationResult> {
    const budgetMs = request.budgetMs ?? defaultBudgetMs;
    const startedAt = Date.now();
    const record = this.accounting.begin({
      invocationId: randomUUID(),
      functionKey: request.functionKey,
      moduleKey: request.moduleKey,
      kind: request.kind,
      startedAt,
      budgetMs,
    });
    const finish = (outcome: InvocationOutcome, error?: unknown): void => {
      record.durationMs = Date.now() - startedAt;
      record.outcome = outcome;
      if (error !== undefined) record.error = error instanceof Error ? error.message : JSON.stringify(error);
    };
    const appLog: AppLogSink = {
      echoPrefix: this.appLogs.echo ? `[${request.functionKey}]` : undefined,
      capture: (line) => {
        this.accounting.keepLog(record, line);
        this.appLogs.onLine?.(line, record);
      },
    };
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), budgetMs);
      timer.unref();
    });
    const work = invocationContext.run(
      { record, deadline: startedAt + budgetMs, principal: request.principal, appLog },
      () => Promise.resolve().then(body),
    );
    try {
      const settled = await Promise.race([work.then((value) => ({ value })), overrun]);
      if (settled === 'timeout') {
        finish('timeout');
        // Keep the abandoned promise from surfacing as an unhandled rejection later.
        work.catch(() => undefined);
        return { status: 'timeout', record };
      }
      finish('ok');
      return { status: 'ok', value: settled.value, record };
    } catch (error) {
      finish('error', error);
      return { status: 'error', error, record };
    } finally {
      clearTimeout(timer);
    }
  }
}
