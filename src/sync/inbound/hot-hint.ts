// Receiving a push hint (issue 19, domain/push-hint.ts): the web trigger's use case. In order, each step refusing
// before the next costs anything: the shape (400), the timestamp's age (401), the instance and its secret (401), the
// signature (401, compared in constant time), a replay (401); each refusal is a sync-log entry and queues nothing. An
// accepted hint queues one check of the ticket a couple of seconds later, which reads the ticket and starts its hot
// window (hot-check.ts). The answer never says more than why the hint was refused.
import {
  isFresh,
  PushHintBodySchema,
  readSignedParts,
  REPLAY_MEMORY_SECONDS,
  signatureMatches,
  type HintRefusal,
} from '../../domain/push-hint';
import type { ConfigRepository } from '../ports/config-repository';
import type { JobQueues } from '../ports/job-queues';
import type { ShortCache } from '../ports/short-cache';
import type { SyncLog } from '../ports/sync-log';

export interface PushHintDeps {
  config: Pick<ConfigRepository, 'read'>;
  /** the instance's push-hint secret; undefined when none was created */
  hintSecret(instanceId: string): Promise<string | undefined>;
  /** remembers the signatures of accepted hints */
  cache: ShortCache;
  queues: Pick<JobQueues, 'pushInbound'>;
  log: Pick<SyncLog, 'append'>;
  now(): Date;
}

export interface HintRequest {
  method: string;
  header(name: string): string | undefined;
  body: string;
}

export type HintAnswer =
  | { status: 202; accepted: true }
  | { status: 400 | 401 | 405; error: HintRefusal | 'unknown-instance' | 'replayed' | 'method' };

/** A check a moment later: long enough for TeamSupport to show what the hint announced, short enough to feel live. */
export const HINT_CHECK_DELAY_SECONDS = 2;
const OPERATION = 'push-hint';
const REPLAY_SCOPE = 'push-hint-seen';

const MESSAGES: Record<Exclude<HintAnswer, { status: 202 }>['error'], string> = {
  method: 'A push hint must be a POST.',
  malformed: 'A push hint was refused: its body or its timestamp and signature headers could not be read.',
  stale:
    'A push hint was refused: its timestamp is more than 5 minutes away from now (a delayed or replayed hint, or a wrong clock).',
  'unknown-instance':
    'A push hint was refused: it named an instance that is not configured, not active, or has no push-hint secret.',
  'bad-signature':
    "A push hint was refused: its signature does not match the instance's push-hint secret (rotated, or mistyped?).",
  replayed: 'A push hint was refused: the same signed hint was received before.',
};

export async function receivePushHint(deps: PushHintDeps, request: HintRequest): Promise<HintAnswer> {
  const body = parseBody(request.body);
  const refuse = async (
    status: 400 | 401 | 405,
    error: Exclude<HintAnswer, { status: 202 }>['error'],
    instanceId?: string,
  ): Promise<HintAnswer> => {
    await deps.log.append({
      level: 'warn',
      // A hint that names no readable instance is logged where the admin page lists entries of no instance.
      instanceId: instanceId ?? OPERATION,
      operation: OPERATION,
      message:
        body?.ticketNumber === undefined
          ? MESSAGES[error]
          : `${MESSAGES[error]} (ticket #${body.ticketNumber})`,
    });
    return { status, error };
  };
  if (request.method.toUpperCase() !== 'POST') return refuse(405, 'method');
  const signed = readSignedParts((name) => request.header(name));
  if (body === undefined || !signed.ok) return refuse(400, 'malformed', body?.instanceId);
  if (!isFresh(signed.timestamp, deps.now())) return refuse(401, 'stale', body.instanceId);
  const config = await deps.config.read();
  const instance = config.ok ? config.document.instances.find((i) => i.id === body.instanceId) : undefined;
  const secret = instance?.active === true ? await deps.hintSecret(body.instanceId) : undefined;
  if (secret === undefined) return refuse(401, 'unknown-instance', instance?.id);
  if (!signatureMatches(secret, signed.timestamp, request.body, signed.signature))
    return refuse(401, 'bad-signature', body.instanceId);
  // Two copies of one hint racing each other may both pass this read; the worst that does is one more check.
  if ((await deps.cache.get(REPLAY_SCOPE, signed.signature)) !== undefined)
    return refuse(401, 'replayed', body.instanceId);
  await deps.cache.set(REPLAY_SCOPE, signed.signature, signed.timestamp, REPLAY_MEMORY_SECONDS);
  await deps.queues.pushInbound(
    { kind: 'check-ticket', instanceId: body.instanceId, ticketNumber: body.ticketNumber },
    { delaySeconds: HINT_CHECK_DELAY_SECONDS },
  );
  return { status: 202, accepted: true };
}

function parseBody(text: string): { instanceId: string; ticketNumber: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = PushHintBodySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
