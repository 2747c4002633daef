// The two globals through which the real, unmodified Forge SDKs reach the platform (docs/forge-platform.md §6):
// `__forge_runtime__` (app context, time budget, metrics) and `__forge_fetch__` (every product, storage and queue call).
// Egress is plain `fetch`, so it is wrapped here to enforce the manifest's egress list (sandbox/runtime/egress.ts),
// route the sandbox's own host names to its emulators, and count requests.
// They are installed once per global object and delegate to whichever sandbox is active, because @forge/kvs and
// @forge/api capture them when they load.
import { z } from 'zod';
import { blockedEgressResponse, type EgressDecision } from './egress';
import { currentInvocation, type Invocation } from './invocation';

export interface ForgeRuntime {
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: string;
    invocationId: string;
    installationId: string;
    moduleKey: string;
    permissions: { scopes: string[]; external: Record<string, unknown> };
  };
  contextAri: string;
  lambdaContext: { getRemainingTimeInMillis: () => number };
  metrics: {
    counter: () => { incr(): void; incrBy(): void; decr(): void; decrBy(): void };
    timing: () => { measure: () => { stop(): void } };
    gauge: () => { set(): void };
  };
}

export const forgeTargetSchema = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
  contextAri: z.string().optional(),
});
export type ForgeTarget = z.infer<typeof forgeTargetSchema>;

export interface PlatformRouter {
  runtimeFor(invocation: Invocation | undefined): ForgeRuntime;
  route(target: ForgeTarget, path: string, init: RequestInit | undefined): Promise<Response>;
  /** Whether the manifest allows egress to this URL, where the request goes, and its accounting label. */
  admitEgress(url: URL): EgressDecision;
  countEgress(label: string, bytesOut: number, bytesIn: number): void;
}

interface SandboxSlot {
  router: PlatformRouter | undefined;
  originalFetch: typeof fetch;
  /** how far the sandbox clock runs ahead of real time */
  clockOffsetMs: number;
  /** set while the clock is held (holdSandboxClock): the time every reading gives */
  heldAt?: number | undefined;
}

declare global {
  // One slot per global object, shared by every copy of this module that a test runner may load into it.
  var __supportTicketSyncSandbox: SandboxSlot | undefined;
}

function activeRouter(): PlatformRouter {
  const router = globalThis.__supportTicketSyncSandbox?.router;
  if (!router)
    throw new Error('No sandbox is active: create one with createSandbox() before calling the Forge SDKs');
  return router;
}

/** The unwrapped fetch, for the sandbox's own calls to its emulators (not app egress). */
export function platformFetch(): typeof fetch {
  return globalThis.__supportTicketSyncSandbox?.originalFetch ?? globalThis.fetch;
}

export function bodyBytes(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  return 0;
}

export function responseBytes(response: Response): number {
  return Number(response.headers.get('content-length') ?? 0) || 0;
}

/**
 * Installs the globals (idempotent). Call it before any Forge SDK loads — the jest setup file and the sandbox start
 * script do — because @forge/api captures `fetch` when it loads; a sandbox then plugs its router in.
 */
export function installForgeGlobals(router?: PlatformRouter): void {
  const existing = globalThis.__supportTicketSyncSandbox;
  if (existing) {
    if (router) existing.router = router;
    return;
  }
  const originalFetch = globalThis.fetch;
  const slot: SandboxSlot = { router, originalFetch, clockOffsetMs: 0 };
  globalThis.__supportTicketSyncSandbox = slot;
  installSandboxClock(slot);

  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    // Undefined until a sandbox is active, as when no runtime exists; @forge/kvs reads it while loading.
    get: () => globalThis.__supportTicketSyncSandbox?.router?.runtimeFor(currentInvocation()),
  });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    value: async (target: unknown, path: string, init?: RequestInit) =>
      activeRouter().route(forgeTargetSchema.parse(target), path, init),
  });

  const egressFetch: typeof fetch = async (input, init) => {
    // Only the app is held to the egress list, and the app runs in invocations: without an active sandbox, or
    // outside an invocation, the caller is a test or the sandbox itself talking to an emulator or its own pages.
    const router = globalThis.__supportTicketSyncSandbox?.router;
    if (!router || currentInvocation() === undefined) return originalFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const decision = router.admitEgress(url);
    if (!decision.allowed) return blockedEgressResponse(url);
    const sameUrl = decision.target.href === url.href;
    const target = sameUrl
      ? input
      : input instanceof Request
        ? new Request(decision.target, input)
        : decision.target;
    const response = await originalFetch(target, init);
    router.countEgress(decision.label, bodyBytes(init?.body), responseBytes(response));
    return response;
  };
  globalThis.fetch = egressFetch;
}

/**
 * Sandbox time: when drain() skips over a delay (a queue retry 15 minutes out, a lease running out), everything in the
 * process — app code, store clocks, emulators — must see that time pass, or time-based recovery could never be
 * tested. Date.now() and `new Date()` run ahead of real time by the slot's offset; timers are untouched.
 */
function installSandboxClock(slot: SandboxSlot): void {
  const RealDate = globalThis.Date;
  const realNow = RealDate.now.bind(RealDate);
  const now = (): number => slot.heldAt ?? realNow() + slot.clockOffsetMs;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget): object => {
      const made: unknown = Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
      return made instanceof RealDate ? made : new RealDate(Number.NaN);
    },
    apply: (target, thisArg, args): string => {
      const called: unknown =
        args.length === 0 ? new RealDate(now()).toString() : Reflect.apply(target, thisArg, args);
      return String(called);
    },
    get: (target, property, receiver): unknown =>
      property === 'now' ? now : Reflect.get(target, property, receiver),
  });
}

/** Moves sandbox time forward (never back). */
export function advanceSandboxClock(ms: number): void {
  const slot = globalThis.__supportTicketSyncSandbox;
  if (slot && ms > 0) slot.clockOffsetMs += ms;
}

/**
 * Stops sandbox time at `epochMs` for the rest of the process (timers keep running); called again, moves it there.
 * For pictures that must come out the same on every run (scripts/screenshots.ts): each step of the demo happens at a
 * fixed moment, whatever the day and however long the step takes. Events due later wait until the clock is moved.
 */
export function holdSandboxClock(epochMs: number): void {
  const slot = globalThis.__supportTicketSyncSandbox;
  if (!slot) throw new Error('No sandbox clock: import sandbox/runtime/install-globals first');
  slot.heldAt = epochMs;
}
