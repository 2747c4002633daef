// What an emulated operation gets (the request, already held to the OpenAPI document) and gives back.
import type { AccountRecord } from '../model';
import type { BrevoState } from '../state';

export interface OperationSettings {
  /**
   * What `POST /events` does for an `email_id` or `ext_id` no contact has: 'create' the contact (default) or 'reject'
   * the event with 400. Brevo's documentation does not say; the app upserts the contact first either way.
   */
  unknownEventContact: 'create' | 'reject';
}

export interface OperationContext {
  readonly state: BrevoState;
  readonly account: AccountRecord;
  readonly now: Date;
  readonly settings: OperationSettings;
  /** records a request contract violation the operation found itself (e.g. one bad item of a batch) */
  readonly violation: (messages: string[]) => void;
}

export interface OperationRequest {
  /** decoded path parameters */
  readonly params: Readonly<Record<string, string>>;
  /** query parameters, typed as the document declares them */
  readonly query: Readonly<Record<string, unknown>>;
  /** the parsed JSON body (undefined when none was sent) */
  readonly body: unknown;
}

export interface OperationReply {
  readonly status: number;
  /** undefined for 201/204 replies without a body */
  readonly body?: unknown;
}

export type OperationHandler = (context: OperationContext, request: OperationRequest) => OperationReply;
