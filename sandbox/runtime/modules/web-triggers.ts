// Web triggers (the platform side of src/entry/push-hint.ts): an HTTP request handed to the trigger's function in
// the platform's request shape; a failed function or an answer that is not a web-trigger response is a 500, as on
// Forge.
import { z } from 'zod';
import type { ModuleContext } from './context';
import { describeResult } from './invocation-outcome';

const webTriggerResponseSchema = z.object({
  statusCode: z.number().int(),
  statusText: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});
export type WebTriggerResponse = z.infer<typeof webTriggerResponseSchema>;

export interface WebTriggerRequest {
  method: string;
  headers?: Record<string, string[]>;
  body?: string;
  path?: string;
  queryParameters?: Record<string, string[]>;
}

export async function invokeWebTrigger(
  context: ModuleContext,
  key: string,
  request: WebTriggerRequest,
): Promise<WebTriggerResponse> {
  const trigger = context.manifest.webtriggers.find((t) => t.key === key);
  if (!trigger) throw new Error(`manifest.yml declares no webtrigger "${key}"`);
  const result = await context.host.invoke({
    functionKey: trigger.function,
    moduleKey: trigger.key,
    kind: 'webtrigger',
    args: [
      {
        method: request.method,
        headers: request.headers ?? {},
        body: request.body ?? '',
        path: request.path ?? '/',
        queryParameters: request.queryParameters ?? {},
      },
      { installContext: context.installContext },
    ],
  });
  context.log('webtrigger', `${key}: ${describeResult(result)}`);
  if (result.status !== 'ok') return { statusCode: 500, body: 'The web trigger function failed' };
  const parsed = webTriggerResponseSchema.safeParse(result.value);
  return parsed.success ? parsed.data : { statusCode: 500, body: 'Invalid web trigger response' };
}
