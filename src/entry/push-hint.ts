// The `push-hint` web trigger (manifest.yml; issue 19): a TeamSupport workflow or middleware tells the app that a
// ticket changed, and the app checks that ticket within seconds instead of at the next 5-minute pull. Web-trigger URLs
// carry no authentication of their own (docs/forge-platform.md §1.7), so every hint is signed with the instance's
// secret and checked in sync/inbound/hot-hint.ts. The request is parsed with zod; nothing here throws.
import { z } from 'zod';
import { logger } from '../lib/logger';
import { receivePushHint, type HintAnswer } from '../sync/inbound/hot-hint';
import { platform } from './compose';
import { hintSecrets } from './push-hint-secrets';

/** The request as the platform hands it over (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/). */
const WebTriggerRequestSchema = z.looseObject({
  method: z.string(),
  headers: z.record(z.string(), z.array(z.string())).default({}),
  body: z.string().default(''),
});

interface WebTriggerAnswer {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

function answer(statusCode: number, body: unknown): WebTriggerAnswer {
  return { statusCode, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(body) };
}

function toAnswer(result: HintAnswer): WebTriggerAnswer {
  return result.status === 202
    ? answer(202, { accepted: true })
    : answer(result.status, { accepted: false, error: result.error });
}

export async function pushHint(rawRequest: unknown): Promise<WebTriggerAnswer> {
  const request = WebTriggerRequestSchema.safeParse(rawRequest);
  if (!request.success) return answer(400, { accepted: false, error: 'malformed' });
  // Header names arrive in whatever case the sender used.
  const headers = new Map(
    Object.entries(request.data.headers).map(([name, values]) => [name.toLowerCase(), values[0]]),
  );
  try {
    const p = platform();
    const secrets = hintSecrets();
    return toAnswer(
      await receivePushHint(
        {
          config: p.store.config,
          hintSecret: async (instanceId) => (await secrets.getHintSecret(instanceId))?.secret,
          cache: p.store.cache,
          queues: p.queues,
          log: p.store.syncLog,
          now: () => new Date(),
        },
        { method: request.data.method, header: (name) => headers.get(name), body: request.data.body },
      ),
    );
  } catch (error) {
    logger.error('A push hint could not be handled', { error });
    return answer(503, { accepted: false, error: 'unavailable' });
  }
}
