// The configured instances at a glance: where they point, whether they sync, whether credentials are on file.
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { VisuallyHidden } from '../../../shared/VisuallyHidden';
import type { InstanceView } from '../api';

interface InstanceTableProps {
  instances: InstanceView[];
  onEdit: (instance: InstanceView) => void;
  onTest: (instance: InstanceView) => void;
  onDelete: (instance: InstanceView) => void;
}

function host(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

const head = {
  cells: [
    { key: 'name', content: 'Name', width: 28 },
    { key: 'host', content: 'TeamSupport server', width: 30 },
    { key: 'sync', content: 'Synchronization', width: 14 },
    { key: 'token', content: 'API token', width: 10 },
    { key: 'actions', content: <VisuallyHidden>Actions</VisuallyHidden>, width: 18 },
  ],
};

export function InstanceTable({ instances, onEdit, onTest, onDelete }: InstanceTableProps) {
  const rows = instances.map((instance) => ({
    key: instance.id,
    testId: `instance-${instance.id}`,
    cells: [
      {
        key: 'name',
        content: (
          <Stack space="space.025">
            <Text weight="semibold">{instance.name}</Text>
            <Text size="small" color="color.text.subtlest">
              Organization {instance.organizationId}
            </Text>
          </Stack>
        ),
      },
      { key: 'host', content: <Text>{host(instance.baseUrl)}</Text> },
      {
        key: 'sync',
        content: (
          <Lozenge appearance={instance.active ? 'success' : 'default'}>
            {instance.active ? 'Active' : 'Off'}
          </Lozenge>
        ),
      },
      {
        key: 'token',
        content: (
          <Lozenge appearance={instance.hasToken ? 'success' : 'moved'}>
            {instance.hasToken ? 'Set' : 'Not set'}
          </Lozenge>
        ),
      },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            <Button spacing="compact" onClick={() => onEdit(instance)} aria-label={`Edit ${instance.name}`}>
              Edit
            </Button>
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => onTest(instance)}
              aria-label={`Test connection of ${instance.name}`}
            >
              Test
            </Button>
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => onDelete(instance)}
              aria-label={`Delete ${instance.name}`}
            >
              Delete
            </Button>
          </Inline>
        ),
      },
    ],
  }));
  return <DynamicTable label="TeamSupport instances" head={head} rows={rows} />;
}
