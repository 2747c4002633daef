// Where each SDK platform call goes (docs/forge-platform.md §6.2): Jira REST to the configured Jira (emulator or any
// HTTP server), storage to the KVS emulator, queue and web-trigger calls to the sandbox's own platform services.
import { z } from 'zod';
import type { Accounting } from './accounting';
import { EgressGate, type EgressDecision } from './egress';
import {
  bodyBytes,
  platformFetch,
  responseBytes,
  type ForgeRuntime,
  type ForgeTarget,
  type PlatformRouter,
} from './globals';
import { currentInvocation, type Invocation } from './invocation';
import type { AppManifest } from './manifest';

export interface PlatformServices {
  kvs: { handle(path: string, body: unknown): { status: number; body?: unknown } };
  queue: { handle(path: string, body: unknown): { status: number; body?: unknown } };
}

export interface RouterSettings {
  appId: string;
  cloudId: string;
  installationId: string;
  environmentId: string;
  /** The Jira site that `requestJira` reaches; unset until a Jira (emulator) is connected. */
  jiraBaseUrl: () => string | undefined;
  webTriggerBaseUrl: () => string;
}

/** Header the Jira emulator reads to know who is calling: `app` (asApp) or `user:<accountId>` (asUser). */
export const PRINCIPAL_HEADER = 'x-forge-principal';

const NO_OP_METRICS: ForgeRuntime['metrics'] = {
  counter: () => ({ incr() {}, incrBy() {}, decr() {}, decrBy() {} }),
  timing: () => ({ measure: () => ({ stop() {} }) }),
  gauge: () => ({ set() {} }),
};

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const noBody = body === undefined || status === 204;
  return new Response(noBody ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function proxyError(reason: string, status: number): Response {
  // The SDK turns this header into NeedsAuthenticationError / ProxyRequestError, as on the real platform.
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}

function parseJsonBody(init: RequestInit | undefined): unknown {
  return typeof init?.body === 'string' && init.body.length > 0 ? JSON.parse(init.body) : undefined;
}

const webTriggerMutationSchema = z.object({
  variables: z.object({ input: z.object({ triggerKey: z.string() }) }),
});

export class ForgePlatformRouter implements PlatformRouter {
  /** the manifest's egress, with the routes to the sandbox's emulators */
  readonly egress: EgressGate;
  private readonly defaultDeadline = Date.now() + 365 * 24 * 3600 * 1000;

  constructor(
    private readonly manifest: AppManifest,
    private readonly services: PlatformServices,
    private readonly accounting: Accounting,
    private readonly settings: RouterSettings,
  ) {
    this.egress = new EgressGate(manifest.egress);
  }

  runtimeFor(invocation: Invocation | undefined): ForgeRuntime {
    const deadline = invocation?.deadline ?? this.defaultDeadline;
    return {
      appContext: {
        appId: this.settings.appId,
        appVersion: '1.0.0',
        environmentId: this.settings.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: invocation?.record.invocationId ?? 'outside-invocation',
        installationId: this.settings.installationId,
        moduleKey: invocation?.record.moduleKey ?? '',
        permissions: {
          scopes: this.manifest.raw.permissions?.scopes ?? [],
          external: { fetch: { backend: this.manifest.egress } },
        },
      },
      contextAri: `ari:cloud:jira::site/${this.settings.cloudId}`,
      lambdaContext: { getRemainingTimeInMillis: () => deadline - Date.now() },
      metrics: NO_OP_METRICS,
    };
  }

  async route(target: ForgeTarget, path: string, init: RequestInit | undefined): Promise<Response> {
    const invocation = currentInvocation();
    if (target.type === 'kvs') return this.local('kvs', this.services.kvs, path, init, invocation);
    if (target.type === 'fpp' && target.remote === 'jira') return this.jira(target, path, init, invocation);
    if (target.type === 'fpp' && target.remote === 'stargate') {
      if (path.startsWith('/webhook/queue/'))
        return this.local('queue', this.services.queue, path, init, invocation);
      if (path === '/graphql') return this.graphql(init, invocation);
    }
    return proxyError(`SANDBOX_UNSUPPORTED_TARGET ${target.type}/${target.remote ?? ''}`, 501);
  }

  private local(
    label: string,
    service: PlatformServices['kvs'],
    path: string,
    init: RequestInit | undefined,
    invocation: Invocation | undefined,
  ): Response {
    const reply = service.handle(path, parseJsonBody(init));
    const response = jsonResponse(reply.status, reply.body);
    const bytesIn = reply.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(reply.body));
    this.accounting.count(invocation?.record, label, bodyBytes(init?.body), bytesIn);
    return response;
  }

  private async jira(
    target: ForgeTarget,
    path: string,
    init: RequestInit | undefined,
    invocation: Invocation | undefined,
  ): Promise<Response> {
    const baseUrl = this.settings.jiraBaseUrl();
    if (!baseUrl) return proxyError('SANDBOX_NO_JIRA_CONNECTED', 502);
    let principal: string;
    if (target.provider === 'user') {
      // asUser() acts for the invocation's user; scheduled triggers and web triggers have none.
      const accountId = target.accountId ?? invocation?.principal?.accountId;
      if (!accountId) return proxyError('NEEDS_AUTHENTICATION_ERR', 401);
      principal = `user:${accountId}`;
    } else {
      principal = 'app';
    }
    const headers = new Headers(init?.headers);
    headers.set(PRINCIPAL_HEADER, principal);
    const response = await platformFetch()(new URL(path, baseUrl), { ...init, headers });
    this.accounting.count(invocation?.record, 'jira', bodyBytes(init?.body), responseBytes(response));
    return response;
  }

  private graphql(init: RequestInit | undefined, invocation: Invocation | undefined): Response {
    // Only the web-trigger URL mutations of @forge/api are served; they need no real GraphQL engine.
    const body = parseJsonBody(init);
    this.accounting.count(invocation?.record, 'platform', bodyBytes(init?.body), 0);
    const mutation = webTriggerMutationSchema.safeParse(body);
    if (!mutation.success)
      return jsonResponse(200, { errors: [{ message: 'Only createWebTriggerUrl is served' }] });
    const triggerKey = mutation.data.variables.input.triggerKey;
    const url = `${this.settings.webTriggerBaseUrl()}/${encodeURIComponent(triggerKey)}`;
    return jsonResponse(200, { data: { createWebTriggerUrl: { url, id: triggerKey } } });
  }

  admitEgress(url: URL): EgressDecision {
    return this.egress.admit(url);
  }

  countEgress(label: string, bytesOut: number, bytesIn: number): void {
    this.accounting.count(currentInvocation()?.record, label, bytesOut, bytesIn);
  }
}
