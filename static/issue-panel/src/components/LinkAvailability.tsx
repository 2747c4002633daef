// Why the link form is missing: no instance configured, all switched off, or the list could not be loaded.
import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives';
import type { ResolverError } from '../../../shared/envelope';
import type { InstanceSummary } from '../api';

export function LinkAvailability({
  instances,
  error,
}: {
  instances: InstanceSummary[];
  error: ResolverError | undefined;
}) {
  if (error) {
    return (
      <SectionMessage appearance="warning" title="Linking is unavailable right now">
        <Text as="p">{error.message}</Text>
      </SectionMessage>
    );
  }
  const message =
    instances.length === 0
      ? 'No TeamSupport instance is connected yet. A Jira administrator can add one in the app settings (Apps → Manage apps → Support Ticket Sync → Configure).'
      : 'Sync is turned off for every TeamSupport instance. A Jira administrator can turn it on in the app settings.';
  return (
    <SectionMessage appearance="information">
      <Text as="p">{message}</Text>
    </SectionMessage>
  );
}
