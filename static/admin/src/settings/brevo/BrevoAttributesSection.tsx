// Attributes: which Jira value fills which Brevo contact attribute (the default mapping to start with). Brevo keeps a
// value only for an attribute the account has, so the attributes the last connection test found missing are listed
// here with the one button that creates them.
import Button from '@atlaskit/button/default/button';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { showFlag } from '@forge/bridge';
import { useState } from 'react';
import { createBrevoAttributes } from '../../brevo-api';
import { ATTRIBUTE_SOURCES } from '../../brevo-view';
import { under } from '../editor/issues';
import { MappingRows } from '../editor/MappingRows';
import { textOptions, type PickerOption } from '../editor/Picker';
import { Section } from '../editor/section';
import { defaultAttributeRows, newAttributeRow, stillMissing, type AttributeMappingRow } from './brevo-draft';
import type { BrevoSectionProps } from './section';

const SOURCE_LABELS: Record<(typeof ATTRIBUTE_SOURCES)[number], string> = {
  accountId: 'Account ID of the person',
  displayName: 'Display name of the person',
  issueKey: 'Issue key',
  summary: 'Summary',
  status: 'Status',
  priority: 'Priority',
  created: 'Created (date)',
  resolution: 'Resolution',
  projectKey: 'Project key',
  issueType: 'Issue type',
};

const SOURCE_OPTIONS: PickerOption[] = ATTRIBUTE_SOURCES.map((source) => ({
  label: SOURCE_LABELS[source],
  value: source,
}));

interface BrevoAttributesSectionProps extends BrevoSectionProps {
  /** the attributes the last connection test found missing */
  missing: readonly string[];
  onCreated: (created: string[]) => void;
}

function MissingAttributes({
  accountId,
  missing,
  onCreated,
}: {
  accountId: string;
  missing: readonly string[];
  onCreated: (created: string[]) => void;
}) {
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  async function create() {
    setCreating(true);
    setFailure(undefined);
    const result = await createBrevoAttributes(accountId);
    setCreating(false);
    if (!result.ok) {
      setFailure(result.error.message);
      return;
    }
    onCreated(result.data.created);
    void showFlag({
      id: `brevo-attributes-${accountId}-${Date.now()}`,
      type: 'success',
      title:
        result.data.created.length === 0
          ? 'Every mapped attribute exists already'
          : `Created ${result.data.created.join(', ')} in Brevo`,
      isAutoDismiss: true,
    });
  }
  return (
    <SectionMessage appearance="warning" title={`Missing in Brevo: ${missing.join(', ')}`}>
      <Stack space="space.100">
        <Text as="p">
          The last connection test did not find these attributes, so Brevo would not keep their values. The
          app creates them with the type of their Jira value, as the saved mapping has them.
        </Text>
        {failure ? (
          <Text as="p" color="color.text.danger">
            {failure}
          </Text>
        ) : null}
        <Box>
          <Button onClick={() => void create()} isLoading={creating}>
            Create missing attributes
          </Button>
        </Box>
      </Stack>
    </SectionMessage>
  );
}

export function BrevoAttributesSection(props: BrevoAttributesSectionProps) {
  const { draft, change, issues, options, missing, onCreated } = props;
  const attributeOptions = textOptions((options?.brevo?.attributes ?? []).map((attribute) => attribute.name));
  const shown = stillMissing(missing, draft.attributeMappings);
  return (
    <Section
      id="section-brevo-attributes"
      title="Attributes"
      description="Jira values written to the contact's attributes with every event (attribute names in capitals)."
    >
      {draft.id !== undefined && shown.length > 0 ? (
        <MissingAttributes accountId={draft.id} missing={shown} onCreated={onCreated} />
      ) : null}
      <MappingRows<AttributeMappingRow>
        path="attributeMappings"
        noun="attribute mapping"
        rows={draft.attributeMappings}
        issues={issues}
        empty="No attribute mappings: events only, no contact attributes."
        columns={[
          { key: 'source', label: 'Jira value', options: () => SOURCE_OPTIONS },
          { key: 'attribute', label: 'Brevo attribute', options: () => attributeOptions },
        ]}
        newRow={newAttributeRow}
        onChange={(attributeMappings, stale) => change({ attributeMappings }, stale)}
      />
      <Stack space="space.050">
        <Box>
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => change({ attributeMappings: defaultAttributeRows() }, under('attributeMappings'))}
          >
            Restore the default mappings
          </Button>
        </Box>
        <Text size="small" color="color.text.subtlest">
          Account ID → JIRA_ACCOUNT_ID, display name → FIRSTNAME, key, status, priority, created and
          resolution → LAST_TICKET_*.
        </Text>
      </Stack>
    </Section>
  );
}
