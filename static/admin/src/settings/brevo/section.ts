// What every section of the Brevo account editor gets: the draft, a way to change it (dropping the messages the
// change made stale), the backend's messages, and the pickers' options.
import type { FieldIssue } from '../../../../shared/envelope';
import type { BrevoOptions } from '../../brevo-view';
import type { StaleIssues } from '../editor/issues';
import type { BrevoDraft } from './brevo-draft';

export interface BrevoSectionProps {
  draft: BrevoDraft;
  change: (patch: Partial<BrevoDraft>, stale: StaleIssues) => void;
  issues: readonly FieldIssue[];
  options: BrevoOptions | undefined;
}
