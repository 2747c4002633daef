// Custom UI resolvers (the platform side of src/entry/resolvers.ts): a call as `invoke()` from @forge/bridge makes
// it, with the principal and the extension context from the platform, never from the payload.
import type { ModuleContext } from './context';
import { describeResult } from './invocation-outcome';

export interface ResolverRequest {
  /** the UI module (issue panel, admin page) */
  moduleKey: string;
  /** the resolver definition */
  functionKey: string;
  payload?: unknown;
  accountId: string;
  extension?: Record<string, unknown>;
}

export async function invokeResolver(context: ModuleContext, request: ResolverRequest): Promise<unknown> {
  const ui = context.manifest.uiResolvers.get(request.moduleKey);
  if (!ui) throw new Error(`manifest.yml declares no UI module "${request.moduleKey}" with a resolver`);
  const result = await context.host.invoke({
    functionKey: ui.functionKey,
    moduleKey: request.moduleKey,
    kind: 'resolver',
    principal: { accountId: request.accountId },
    args: [
      {
        call: { functionKey: request.functionKey, payload: request.payload ?? {} },
        context: {
          cloudId: context.cloudId,
          moduleKey: request.moduleKey,
          localId: `${request.moduleKey}-sandbox`,
          environmentType: 'DEVELOPMENT',
          locale: 'en-US',
          timezone: 'UTC',
          extension: { type: ui.kind, ...request.extension },
        },
      },
      { principal: { accountId: request.accountId }, installContext: context.installContext },
    ],
  });
  context.log('resolver', `${request.moduleKey}/${request.functionKey}: ${describeResult(result)}`);
  if (result.status === 'ok') return result.value;
  throw result.status === 'error' ? result.error : new Error(`resolver ${request.functionKey} timed out`);
}
