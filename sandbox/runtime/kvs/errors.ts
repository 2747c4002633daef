// Errors the emulated service answers with: a non-2xx status and a `{code, message}` body, which the SDK turns into
// ForgeKvsAPIError. Codes named in Atlassian's KVS / custom-entity error tables are used where one fits; the rest use
// the SDK's generic BAD_REQUEST (see the header of emulator.ts).
import type { KvsReply } from './types';

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }

  toReply(): KvsReply {
    return { status: this.status, body: { code: this.code, message: this.message } };
  }
}

export const badRequest = (code: string, message: string): KvsError => new KvsError(400, code, message);

export const invalidBody = (message: string): KvsError =>
  badRequest('BAD_REQUEST', `Provided request body is invalid: ${message}`);

export const keyNotFound = (): KvsError => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

export const keyAlreadyExists = (key: string): KvsError =>
  new KvsError(409, 'KEY_ALREADY_EXISTS', `Key '${key}' already exists and keyPolicy is FAIL_IF_EXISTS`);

export const conditionalCheckFailed = (key: string): KvsError =>
  new KvsError(
    409,
    'CONDITIONAL_CHECK_FAILED',
    `Transaction cancelled: the condition on key '${key}' was not met`,
  );
