// The values the pickers offer. Loaded per instance (TeamSupport values need a saved, reachable instance); a failure
// leaves the pickers as free-text fields rather than blocking the editor. Read again after every save (`version`,
// the instance's updatedAt): a renamed instance with a corrected address must not keep the warning its old address
// earned (issue 20), and the old answer is dropped the moment a new one is asked for.
import { useEffect, useState } from 'react';
import { getMappingOptions, type MappingOptions } from '../../api';

export function useMappingOptions(
  instanceId: string | undefined,
  version: string | undefined,
): MappingOptions | undefined {
  const [options, setOptions] = useState<MappingOptions | undefined>();
  useEffect(() => {
    let current = true;
    setOptions(undefined);
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
  }, [instanceId, version]);
  return options;
}
