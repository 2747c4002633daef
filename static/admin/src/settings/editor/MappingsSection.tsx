// Mappings: fields, ticket types and statuses whose names differ between the two systems. (The correlation field has a
// section of its own, CorrelationSection.)
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { MappingOptions } from '../../api';
import { newRowKey, type FieldMappingRow, type StatusMappingRow, type TypeMappingRow } from './draft';
import { MappingRows } from './MappingRows';
import { textOptions, type PickerOption } from './Picker';
import { Section, SubHeading, type SectionProps } from './section';

function jiraFieldOptions(options: MappingOptions | undefined): PickerOption[] {
  return (options?.jira.fields ?? []).map((field) => ({ label: field.name, value: field.id }));
}

function OptionsNotice({ draft, options }: Pick<SectionProps, 'draft' | 'options'>) {
  if (options?.ticketError) {
    return (
      <SectionMessage appearance="warning" title="TeamSupport values could not be loaded">
        <Text as="p">
          {options.ticketError} You can still type names; they are checked when the sync runs.
        </Text>
      </SectionMessage>
    );
  }
  if (draft.id === undefined) {
    return (
      <SectionMessage appearance="information">
        <Text as="p">
          Save the instance to pick TeamSupport ticket types, statuses and fields from lists. Until then, type
          their names.
        </Text>
      </SectionMessage>
    );
  }
  return null;
}

export function MappingsSection({ draft, change, issues, options }: SectionProps) {
  const ticket = options?.ticket;
  return (
    <Section
      id="section-mappings"
      title="Mappings"
      description="Type, status and project map by name by default. Add rows where the names differ, and map further fields."
    >
      <OptionsNotice draft={draft} options={options} />
      <Stack space="space.100">
        <SubHeading>Field mappings</SubHeading>
        <MappingRows<FieldMappingRow>
          path="fieldMappings"
          noun="field mapping"
          rows={draft.fieldMappings}
          issues={issues}
          empty="No field mappings: only type, status and project sync."
          columns={[
            { key: 'jiraField', label: 'Jira field', options: () => jiraFieldOptions(options) },
            {
              key: 'ticketField',
              label: 'TeamSupport field',
              options: () => textOptions(ticket?.customFields ?? []),
            },
          ]}
          newRow={() => ({ rowKey: newRowKey(), jiraField: '', ticketField: '' })}
          onChange={(fieldMappings, stale) => change({ fieldMappings }, stale)}
        />
      </Stack>
      <Stack space="space.100">
        <SubHeading>Type mappings</SubHeading>
        <MappingRows<TypeMappingRow>
          path="typeMappings"
          noun="type mapping"
          rows={draft.typeMappings}
          issues={issues}
          empty="No type mappings: a ticket type maps to the Jira issue type of the same name."
          columns={[
            {
              key: 'ticketType',
              label: 'Ticket type',
              options: () => textOptions(ticket?.ticketTypes ?? []),
            },
            {
              key: 'issueType',
              label: 'Jira issue type',
              options: () => textOptions(options?.jira.issueTypes ?? []),
            },
          ]}
          newRow={() => ({ rowKey: newRowKey(), ticketType: '', issueType: '' })}
          onChange={(typeMappings, stale) => change({ typeMappings }, stale)}
        />
      </Stack>
      <Stack space="space.100">
        <SubHeading>Status mappings</SubHeading>
        <MappingRows<StatusMappingRow>
          path="statusMappings"
          noun="status mapping"
          rows={draft.statusMappings}
          issues={issues}
          empty="No status mappings: a Jira status maps to the ticket status of the same name."
          columns={[
            {
              key: 'jiraStatus',
              label: 'Jira status',
              options: () => textOptions(options?.jira.statuses ?? []),
            },
            {
              key: 'ticketStatus',
              label: 'TeamSupport status',
              options: () => textOptions(ticket?.statuses ?? []),
            },
          ]}
          newRow={() => ({ rowKey: newRowKey(), jiraStatus: '', ticketStatus: '' })}
          onChange={(statusMappings, stale) => change({ statusMappings }, stale)}
        />
      </Stack>
    </Section>
  );
}
