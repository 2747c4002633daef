// What the server writes back, and the error answers of the emulated API in Brevo's error model: { code, message },
// plus `metadata` on contact errors (the document's `errorModel` and `contactErrorModel`).

export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** '' for a reply without a body (204) */
  readonly body: string;
  /** the server destroys the connection instead of writing this reply (an injected fault) */
  readonly dropConnection?: boolean;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): HttpReply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function emptyReply(status: number, headers: Readonly<Record<string, string>> = {}): HttpReply {
  return { status, headers: { ...headers }, body: '' };
}

/** An error answer of an operation: the status and the error model's body. */
export class BrevoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly metadata?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.metadata === undefined ? {} : { metadata: this.metadata }),
    };
  }
}

export const apiErrors = {
  invalid: (message: string): BrevoApiError => new BrevoApiError(400, 'invalid_parameter', message),
  missing: (message: string): BrevoApiError => new BrevoApiError(400, 'missing_parameter', message),
  notFound: (message: string): BrevoApiError => new BrevoApiError(404, 'document_not_found', message),
  duplicate: (message: string, identifiers?: readonly string[]): BrevoApiError =>
    new BrevoApiError(
      400,
      'duplicate_parameter',
      message,
      identifiers === undefined ? undefined : { duplicate_identifiers: [...identifiers] },
    ),
};

/** A request the OpenAPI document itself rejects: answered 400 like any invalid input, and recorded as a violation. */
export class ContractBreach extends BrevoApiError {
  constructor(
    code: 'invalid_parameter' | 'missing_parameter',
    readonly violations: readonly string[],
  ) {
    super(400, code, violations.join('; '));
  }
}
