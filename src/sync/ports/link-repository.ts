// The LinkRepository port: the links between Jira issues and tickets, and each link's sync state (adapter:
// store/link-store.ts). Storage calls that fail throw IntegrationError with system 'forge-storage'.
import type { Budget } from '../../lib/budget';
import type { CreateLinkResult, Link, LinkPage, LinkRef, LinkSyncUpdate, NewLink } from '../records/link';
import type { PreparedWrite } from '../records/prepared-write';

export interface LinkRepository {
  /** idempotent: creating the same link again is a no-op; of concurrent creations for one ticket exactly one wins */
  create(link: NewLink): Promise<CreateLinkResult>;
  /** the link of one ticket (strongly consistent) */
  getByTicket(instanceId: string, ticketId: string): Promise<Link | undefined>;
  /** every link of an issue, oldest first */
  listByIssue(issueId: string): Promise<Link[]>;
  /** one page (≤ 100) of an instance's links, oldest first */
  pageByInstance(instanceId: string, cursor?: string): Promise<LinkPage>;
  countByInstance(instanceId: string): Promise<number>;
  /** success sets lastSyncAt and clears lastError; failure sets lastError and lastErrorAt; false when the link is gone */
  recordSync(link: LinkRef, outcome: LinkSyncUpdate): Promise<boolean>;
  /**
   * The same update of a link just read, without reading it again; it holds only while the link is as read (not
   * removed, not updated by someone else), so a concurrent error or unlink is never overwritten.
   */
  prepareSync(link: Link, outcome: LinkSyncUpdate): PreparedWrite;
  /** removes the link if it still joins this issue and ticket; false when there was no such link */
  remove(link: LinkRef): Promise<boolean>;
  /** removes every link of an issue (e.g. the issue was deleted); returns how many went */
  removeByIssue(issueId: string): Promise<number>;
  removeByInstance(
    instanceId: string,
    options?: { budget?: Budget },
  ): Promise<{ removed: number; complete: boolean }>;
}
