// The values the pickers offer. Loaded per instance (TeamSupport values need a saved, reachable instance); a failure
// leaves the pickers as free-text fields rather than blocking the editor.
import { useEffect, useState } from 'react';
import { getMappingOptions, type MappingOptions } from '../../api';

export function useMappingOptions(instanceId: string | undefined): MappingOptions | undefined {
  const [options, setOptions] = useState<MappingOptions | undefined>();
  useEffect(() => {
    let current = true;
    void getMappingOptions(instanceId).then((result) => {
      if (!current) return;
      setOptions(
        result.ok
          ? result.data
          : {
              jira: { statuses: [], issueTypes: [], fields: [], projects: [] },
              ticketError: `The lists of values could not be loaded (${result.error.message})`,
            },
      );
    });
    return () => {
      current = false;
    };
  }, [instanceId]);
  return options;
}
