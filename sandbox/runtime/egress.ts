// The app's egress as Forge applies it (https://developer.atlassian.com/platform/forge/runtime-egress-permissions/):
// a fetch reaches only what manifest.yml lists under permissions.external.fetch.backend, matched on protocol and
// host (a path in an entry grants the whole host; `*.example.com` covers sub-domains, never example.com itself), and
// anything else comes back as the 403 Forge's egress proxy makes, `forge-proxy-error: BLOCKED_EGRESS`.
//
// The sandbox's emulators listen on 127.0.0.1, which no Forge app can call. Instead of a loopback exception the
// sandbox owns host names inside the hosts the manifest allows (https://sandbox.teamsupport.com for the TeamSupport
// emulator; https://api.brevo.com, Brevo's one API host, for the Brevo emulator) and routes them to the emulators'
// local addresses, after the manifest has let the request through.

export type EgressDecision =
  /** `target` is where the request really goes (the URL itself, or an emulator); `label` is for request counting */
  { allowed: true; label: string; target: URL } | { allowed: false };

/** The header and value Forge's egress proxy answers a blocked fetch with (see the connector's failures.ts). */
export const FORGE_PROXY_ERROR_HEADER = 'forge-proxy-error';
export const BLOCKED_EGRESS = 'BLOCKED_EGRESS';

interface EgressRule {
  protocol: string;
  /** the host (with a port when the entry names one), or a `*` glob of it */
  host: RegExp;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** One manifest entry, read the way @forge/egress reads it: protocol (https: when left out), host, path ignored. */
function ruleOf(entry: string): EgressRule {
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(entry)?.[1];
  const protocol = scheme?.toLowerCase() ?? 'https:';
  const rest = entry.slice(scheme === undefined ? 0 : scheme.length).replace(/^\/*/, '');
  const host = rest.split(/[/?#]/)[0] ?? '';
  return { protocol, host: globToRegExp(host.toLowerCase()) };
}

/** Where a route sends requests: an origin, since the request keeps its own path. */
function localOrigin(localBaseUrl: string): URL {
  const url = new URL(localBaseUrl);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(`An egress route leads to an origin, not to ${localBaseUrl}`);
  }
  return url;
}

export class EgressGate {
  private readonly allowsEverything: boolean;
  private readonly rules: EgressRule[];
  /** public origin (https://sandbox.teamsupport.com) → local origin of an emulator (http://127.0.0.1:4022) */
  private readonly routes = new Map<string, URL>();

  constructor(entries: readonly string[]) {
    this.allowsEverything = entries.includes('*');
    this.rules = entries.filter((entry) => entry !== '*').map(ruleOf);
  }

  /** Whether the manifest lets the app call this URL. */
  allows(url: URL): boolean {
    if (this.allowsEverything) return true;
    return this.rules.some((rule) => rule.protocol === url.protocol && rule.host.test(url.host));
  }

  /**
   * Sends the app's requests for `publicOrigin` to `localBaseUrl`. The public origin must be one the manifest
   * allows, as the real host would have to be: a route cannot open egress the manifest does not grant.
   */
  route(publicOrigin: string, localBaseUrl: string): void {
    const origin = new URL(publicOrigin);
    if (!this.allows(origin)) {
      throw new Error(
        `Cannot route ${origin.origin}: manifest.yml's permissions.external.fetch.backend does not allow it`,
      );
    }
    this.routes.set(origin.origin, localOrigin(localBaseUrl));
  }

  unroute(publicOrigin: string): void {
    this.routes.delete(new URL(publicOrigin).origin);
  }

  admit(url: URL): EgressDecision {
    if (!this.allows(url)) return { allowed: false };
    const local = this.routes.get(url.origin);
    if (local === undefined) return { allowed: true, label: url.host, target: url };
    // Copied part by part: resolving the path against the local origin would read `//host/x` as another host.
    const target = new URL(local.href);
    target.pathname = url.pathname;
    target.search = url.search;
    return { allowed: true, label: url.host, target };
  }
}

/** The answer a fetch outside the manifest's egress gets, as from Forge's egress proxy. */
export function blockedEgressResponse(url: URL): Response {
  return new Response(
    // For the developer reading the sandbox's event log; the app should rely on the status and header only.
    `Egress to ${url.origin} is not allowed: it is not in permissions.external.fetch.backend of manifest.yml.`,
    {
      status: 403,
      statusText: 'Forbidden',
      headers: { [FORGE_PROXY_ERROR_HEADER]: BLOCKED_EGRESS, 'content-type': 'text/plain; charset=utf-8' },
    },
  );
}
