// The values the Brevo editor's pickers offer: Jira's projects and issue types, and (for a saved account with a key)
// Brevo's lists and attributes. A failure leaves the pickers as free-text fields rather than blocking the editor.
import { useEffect, useState } from 'react';
import { getBrevoOptions } from '../../brevo-api';
import type { BrevoOptions } from '../../brevo-view';

export function useBrevoOptions(accountId: string | undefined, reloads = 0): BrevoOptions | undefined {
  const [options, setOptions] = useState<BrevoOptions | undefined>();
  useEffect(() => {
    let current = true;
    void getBrevoOptions(accountId).then((result) => {
      if (!current) return;
      setOptions(
        result.ok
          ? result.data
          : {
              jira: { projects: [], issueTypes: [] },
              brevoError: `The lists of values could not be loaded (${result.error.message})`,
            },
      );
    });
    return () => {
      current = false;
    };
  }, [accountId, reloads]);
  return options;
}
