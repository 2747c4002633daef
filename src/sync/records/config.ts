// What the ConfigRepository (sync/ports/config-repository.ts) answers: the document as read, and what a save or a
// delete did. Errors of the document are values (already logged), never thrown.
import type {
  BrevoAccountView,
  ConfigDocument,
  ConfigDocumentError,
  ConfigIssue,
  InstanceView,
} from '../../domain/config';

/** The `config` document as read; a document that cannot be used is an error value (already logged), never thrown. */
export type ConfigRead = { ok: true; document: ConfigDocument } | { ok: false; error: ConfigDocumentError };

/** Both kinds, each in its own list as the document keeps them. */
export type InstanceViewsRead =
  | { ok: true; instances: InstanceView[]; brevoAccounts: BrevoAccountView[] }
  | { ok: false; error: ConfigDocumentError };

export type SaveResult<View> =
  | { ok: true; instance: View; created: boolean }
  /** the input breaks the rules; each issue addresses a field (INVALID_INPUT) */
  | { ok: false; reason: 'invalid-input'; issues: ConfigIssue[] }
  /** `id` names no configured instance */
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'config-unavailable'; error: ConfigDocumentError };

export type SaveInstanceResult = SaveResult<InstanceView>;
export type SaveBrevoAccountResult = SaveResult<BrevoAccountView>;

export type DeleteInstanceResult =
  | {
      ok: true;
      /** false when no instance had this id; a repeated delete still finishes cleanup left over by a failed one */
      instanceRemoved: boolean;
      linksRemoved: number;
      /** false when the time budget ran out before every link was removed: call deleteInstance again */
      complete: boolean;
    }
  | { ok: false; reason: 'config-unavailable'; error: ConfigDocumentError };

export interface SaveInstanceOptions {
  /**
   * Problems found outside the settings rules (Jira refused the JQL filter): reported with the rules' own, in one
   * round, and nothing is saved while there are any.
   */
  issues?: readonly ConfigIssue[];
}
