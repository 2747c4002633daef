// The configured instances at a glance: what kind (TeamSupport instance or Brevo account), where they point, whether
// they sync, whether credentials are on file, and how much of its daily request limit a TeamSupport instance used.
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { VisuallyHidden } from '../../../shared/VisuallyHidden';
import type { AnyInstanceView } from '../api';
import type { BrevoAccountView } from '../brevo-view';
import { requestUsageText, type RequestUsageText } from './request-usage-text';

interface InstanceTableProps {
  instances: AnyInstanceView[];
  onEdit: (instance: AnyInstanceView) => void;
  onTest: (instance: AnyInstanceView) => void;
  onDelete: (instance: AnyInstanceView) => void;
  /** a Brevo account's status and backfill */
  onStatus?: (account: BrevoAccountView) => void;
}

function host(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

interface RowFacts {
  kind: string;
  detail: string;
  target: string;
  secret: boolean;
  /** a TeamSupport instance's requests of the last 24 hours against its daily limit */
  usage?: RequestUsageText | undefined;
}

const USAGE_COLOR = {
  normal: 'color.text.subtlest',
  slowed: 'color.text.warning',
  hourly: 'color.text.danger',
} as const;

/** What the row says under the name, where the instance points, and whether its secret is stored. */
function facts(instance: AnyInstanceView): RowFacts {
  if (instance.kind === 'brevo') {
    const projects =
      instance.projects === 'all' ? 'All projects' : `Projects ${instance.projects.join(', ')}`;
    return { kind: 'Brevo', detail: projects, target: 'api.brevo.com', secret: instance.hasApiKey };
  }
  return {
    kind: 'TeamSupport',
    detail: `Organization ${instance.organizationId}`,
    target: host(instance.baseUrl),
    secret: instance.hasToken,
    usage: requestUsageText(instance),
  };
}

const head = {
  cells: [
    { key: 'name', content: 'Name', width: 24 },
    { key: 'kind', content: 'Kind', width: 12 },
    { key: 'host', content: 'Connects to', width: 24 },
    { key: 'sync', content: 'Synchronization', width: 14 },
    { key: 'token', content: 'Credentials', width: 10 },
    { key: 'actions', content: <VisuallyHidden>Actions</VisuallyHidden>, width: 16 },
  ],
};

export function InstanceTable({ instances, onEdit, onTest, onDelete, onStatus }: InstanceTableProps) {
  const rows = instances.map((instance) => {
    const fact = facts(instance);
    return {
      key: instance.id,
      testId: `instance-${instance.id}`,
      cells: [
        {
          key: 'name',
          content: (
            <Stack space="space.025">
              <Text weight="semibold">{instance.name}</Text>
              <Text size="small" color="color.text.subtlest">
                {fact.detail}
              </Text>
              {fact.usage ? (
                <Text size="small" color={USAGE_COLOR[fact.usage.tone]}>
                  {fact.usage.text}
                </Text>
              ) : null}
            </Stack>
          ),
        },
        { key: 'kind', content: <Lozenge appearance="new">{fact.kind}</Lozenge> },
        { key: 'host', content: <Text>{fact.target}</Text> },
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
            <Lozenge appearance={fact.secret ? 'success' : 'moved'}>
              {fact.secret ? 'Set' : 'Not set'}
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
              {instance.kind === 'brevo' && onStatus ? (
                <Button
                  spacing="compact"
                  appearance="subtle"
                  onClick={() => onStatus(instance)}
                  aria-label={`Status of ${instance.name}`}
                >
                  Status
                </Button>
              ) : null}
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
    };
  });
  return <DynamicTable label="Instances and Brevo accounts" head={head} rows={rows} />;
}
