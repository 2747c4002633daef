// What the console works on: the sandbox, the emulators, the user it acts as and the pull clock. Its own file, so the
// console's actions and its server both use it without importing each other.
import type { JiraEmulator } from '../../jira';
import type { Sandbox } from '../../runtime/sandbox';
import type { TeamSupportEmulator } from '../../teamsupport';
import type { BrevoConsole } from './brevo-pages';
import type { Tour } from './overview-page';

export interface ConsoleDeps {
  sandbox: Pick<Sandbox, 'logEntries' | 'accounting' | 'on' | 'off' | 'manifest'>;
  jira: Pick<JiraEmulator, 'admin' | 'baseUrl'>;
  ts: Pick<TeamSupportEmulator, 'org' | 'baseUrl' | 'appUrl'>;
  brevo: BrevoConsole;
  /** the Jira user the console acts as */
  accountId: string;
  pull: { nextPullAt: number; intervalMs: number; runNow(): Promise<void> };
  tour: () => Tour | undefined;
  dataDir: string | undefined;
  /** called after every change the console makes, so the state gets saved */
  changed: () => void;
}
