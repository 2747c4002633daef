// The ConfigRepository port: the `config` document and the instances' secrets, read and saved by the rules of
// domain/config (adapter: store/config-repository.ts). A document that cannot be used is an error value, never thrown.
import type { Budget } from '../../lib/budget';
import type {
  ConfigRead,
  DeleteInstanceResult,
  InstanceViewsRead,
  SaveBrevoAccountResult,
  SaveInstanceOptions,
  SaveInstanceResult,
} from '../records/config';

/**
 * Instance configuration: the `config` document, plus each TeamSupport instance's token and each Brevo account's API
 * key in the secret store. Names are unique across both kinds; deleting takes either.
 */
export interface ConfigRepository {
  read(): Promise<ConfigRead>;
  /** the admin page's view: the settings plus `hasToken` / `hasApiKey`, never the secret */
  listInstanceViews(): Promise<InstanceViewsRead>;
  /**
   * a TeamSupport instance: validates against the instances and accounts; creates when `id` is absent; keeps the
   * stored token when no apiToken is sent
   */
  saveInstance(input: unknown, options?: SaveInstanceOptions): Promise<SaveInstanceResult>;
  /** a Brevo account (`kind: 'brevo'`), by the same rules; keeps the stored API key when no apiKey is sent */
  saveBrevoAccount(input: unknown, options?: SaveInstanceOptions): Promise<SaveBrevoAccountResult>;
  /** removes the instance or account, its secret, its pull watermark and all of its links (idempotent) */
  deleteInstance(id: string, options?: { budget?: Budget }): Promise<DeleteInstanceResult>;
  /** how many links deleteInstance would remove (for the admin's confirmation) */
  countLinks(instanceId: string): Promise<number>;
}
