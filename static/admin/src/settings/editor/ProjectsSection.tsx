// Projects: where new issues asked for from TeamSupport are created (docs/product.md, "Choosing the Jira project").
import { Stack } from '@atlaskit/primitives';
import type { MappingOptions } from '../../api';
import { newRowKey, type ProjectMappingRow } from './draft';
import { FieldRow } from './FieldRow';
import { messagesAt, messagesUnder, under } from './issues';
import { MappingRows } from './MappingRows';
import { MultiPicker, Picker, textOptions, type PickerOption } from './Picker';
import { Section, SubHeading, type SectionProps } from './section';
import { ToggleRow } from './ToggleRow';

export function projectOptions(options: MappingOptions | undefined): PickerOption[] {
  return (options?.jira.projects ?? []).map((project) => ({
    label: `${project.name} (${project.key})`,
    value: project.key,
  }));
}

function versionOptions(options: MappingOptions | undefined, product: string): PickerOption[] {
  const lower = product.toLowerCase();
  return textOptions(
    (options?.ticket?.versions ?? [])
      .filter((entry) => entry.product.toLowerCase() === lower)
      .map((entry) => entry.version),
  );
}

export function ProjectsSection({ draft, change, issues, options }: SectionProps) {
  const projects = projectOptions(options);
  return (
    <Section
      id="section-projects"
      title="Projects"
      description="The Jira project of an issue created from a ticket: a version's project key wins over its product's, and a product without one maps to the project whose key is the product's name."
    >
      <FieldRow
        path="defaultProjectKey"
        label="Default project key"
        helper="For tickets without a product (and for every ticket when the switch below is on). The key, e.g. SUP, not the project name."
        messages={messagesAt(issues, 'defaultProjectKey')}
      >
        {(control) => (
          <Picker
            inputId={control.id}
            options={projects}
            value={draft.defaultProjectKey}
            onChange={(defaultProjectKey) => change({ defaultProjectKey }, under('defaultProjectKey'))}
            isInvalid={control.isInvalid}
            describedBy={control.describedBy}
            isClearable
          />
        )}
      </FieldRow>
      <ToggleRow
        path="alwaysUseDefaultProjectKey"
        label="Always use the default project key"
        helper="Ignore products and versions: every new issue goes to the default project."
        checked={draft.alwaysUseDefaultProjectKey}
        messages={messagesAt(issues, 'alwaysUseDefaultProjectKey')}
        onChange={(alwaysUseDefaultProjectKey) =>
          change({ alwaysUseDefaultProjectKey }, under('alwaysUseDefaultProjectKey', 'defaultProjectKey'))
        }
      />
      <Stack space="space.100">
        <SubHeading>Product and version mappings</SubHeading>
        <MappingRows<ProjectMappingRow>
          path="projectMappings"
          noun="project mapping"
          rows={draft.projectMappings}
          issues={issues}
          empty="No mappings: products map to the project whose key is the product's name."
          columns={[
            { key: 'product', label: 'Product', options: () => textOptions(options?.ticket?.products ?? []) },
            {
              key: 'version',
              label: 'Version',
              options: (row) => versionOptions(options, row.product),
              placeholder: 'All versions',
              optional: true,
            },
            { key: 'projectKey', label: 'Project key', options: () => projects },
          ]}
          newRow={() => ({ rowKey: newRowKey(), product: '', version: '', projectKey: '' })}
          onChange={(projectMappings, stale) => change({ projectMappings }, stale)}
        />
      </Stack>
      <FieldRow
        path="extraProjectKeys"
        label="Extra projects"
        helper="Tickets may link (through the correlation field) only to issues in the mapped projects, the default project and these."
        messages={messagesUnder(issues, 'extraProjectKeys')}
      >
        {(control) => (
          <MultiPicker
            inputId={control.id}
            options={projects}
            values={draft.extraProjectKeys}
            onChange={(extraProjectKeys) => change({ extraProjectKeys }, under('extraProjectKeys'))}
            isInvalid={control.isInvalid}
            describedBy={control.describedBy}
            placeholder="No extra projects: choose or type project keys…"
          />
        )}
      </FieldRow>
    </Section>
  );
}
