// Scope: which issues' activity reaches Brevo: chosen projects and issue types, optionally narrowed by JQL (checked
// with Jira when the account is saved).
import Textfield from '@atlaskit/textfield';
import { FieldRow } from '../editor/FieldRow';
import { messagesAt, messagesUnder, under } from '../editor/issues';
import { NameChoiceField } from '../editor/NameChoiceField';
import { Section } from '../editor/section';
import type { BrevoSectionProps } from './section';

export function BrevoScopeSection({ draft, change, issues, options }: BrevoSectionProps) {
  const projectKeys = (options?.jira.projects ?? []).map((project) => project.key);
  return (
    <Section
      id="section-brevo-scope"
      title="Scope"
      description="Only activity on these issues is sent. Each issue must match all three."
    >
      <NameChoiceField
        path="projects"
        label="Projects"
        allLabel="All projects"
        helper="Jira project keys, e.g. SUP."
        choice={draft.projects}
        options={projectKeys}
        messages={messagesUnder(issues, 'projects')}
        onChange={(projects) => change({ projects }, under('projects', 'projectLists'))}
      />
      <NameChoiceField
        path="issueTypes"
        label="Issue types"
        allLabel="All issue types"
        helper="Issue type names, e.g. Bug."
        choice={draft.issueTypes}
        options={options?.jira.issueTypes ?? []}
        messages={messagesUnder(issues, 'issueTypes')}
        onChange={(issueTypes) => change({ issueTypes }, under('issueTypes'))}
      />
      <FieldRow
        path="jql"
        label="JQL filter"
        helper="Optional, e.g. labels = customer. Without ORDER BY. Jira checks it when you save."
        messages={messagesAt(issues, 'jql')}
      >
        {(control) => (
          <Textfield
            id={control.id}
            value={draft.jql}
            onChange={(event) => change({ jql: event.currentTarget.value }, under('jql'))}
            isInvalid={control.isInvalid}
            aria-describedby={control.describedBy}
            placeholder="No filter"
            isCompact
            isMonospaced
          />
        )}
      </FieldRow>
    </Section>
  );
}
