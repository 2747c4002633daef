// Lists: the Brevo list each Jira project's contacts join (one list per project), picked from the account's lists.
import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives';
import type { BrevoOptions } from '../../brevo-view';
import { MappingRows } from '../editor/MappingRows';
import type { PickerOption } from '../editor/Picker';
import { Section } from '../editor/section';
import { listableProjects, newProjectListRow, type BrevoDraft, type ProjectListRow } from './brevo-draft';
import type { BrevoSectionProps } from './section';

function listOptions(options: BrevoOptions | undefined): PickerOption[] {
  return (options?.brevo?.lists ?? []).map((list) => ({
    label: `${list.name} (#${list.id})`,
    value: String(list.id),
  }));
}

function projectOptions(draft: BrevoDraft, options: BrevoOptions | undefined): PickerOption[] {
  return listableProjects(draft, options?.jira.projects ?? []).map((project) => ({
    label: project.name === project.key ? project.key : `${project.name} (${project.key})`,
    value: project.key,
  }));
}

function ListsNotice({ draft, options }: Pick<BrevoSectionProps, 'draft' | 'options'>) {
  if (options?.brevoError) {
    return (
      <SectionMessage appearance="warning" title="Brevo lists could not be loaded">
        <Text as="p">{options.brevoError} You can still type a list's number.</Text>
      </SectionMessage>
    );
  }
  if (draft.id === undefined) {
    return (
      <SectionMessage appearance="information">
        <Text as="p">Save the account to pick Brevo lists by name. Until then, type a list's number.</Text>
      </SectionMessage>
    );
  }
  return null;
}

export function BrevoListsSection({ draft, change, issues, options }: BrevoSectionProps) {
  return (
    <Section
      id="section-brevo-lists"
      title="Lists"
      description="Contacts of a project's issues are added to its Brevo list. Projects without a list add no one."
    >
      <ListsNotice draft={draft} options={options} />
      <MappingRows<ProjectListRow>
        path="projectLists"
        noun="project list"
        rows={draft.projectLists}
        issues={issues}
        empty="No project is mapped to a list."
        columns={[
          { key: 'projectKey', label: 'Jira project', options: () => projectOptions(draft, options) },
          { key: 'listId', label: 'Brevo list', options: () => listOptions(options) },
        ]}
        newRow={newProjectListRow}
        onChange={(projectLists, stale) => change({ projectLists }, stale)}
      />
    </Section>
  );
}
