// Adds or edits one Brevo account: every setting of the contract's Brevo InstanceInput, in the sections Connection,
// Scope, Events, Contacts, Attributes and Lists. As in the TeamSupport editor, validation is the backend's: a refused
// save comes back as INVALID_INPUT with one message per field path (the JQL filter's from Jira), shown next to the
// field and listed in a summary; nothing is stored until every problem is fixed.
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import { Box, Inline, Stack, Text, media, xcss } from '@atlaskit/primitives';
import { showFlag } from '@forge/bridge';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { fieldIssuesOf, type FieldIssue, type ResolverError } from '../../../../shared/envelope';
import { ErrorPanel } from '../../../../shared/ErrorPanel';
import type { AnyInstanceView } from '../../api';
import { saveBrevoAccount } from '../../brevo-api';
import type { BrevoAccountView } from '../../brevo-view';
import { EditorSidebar } from '../editor/EditorSidebar';
import { ErrorSummary } from '../editor/ErrorSummary';
import type { StaleIssues } from '../editor/issues';
import { brevoDraftFromView, emptyBrevoDraft, toBrevoAccountInput, type BrevoDraft } from './brevo-draft';
import { BrevoAttributesSection } from './BrevoAttributesSection';
import { BrevoConnectionSection } from './BrevoConnectionSection';
import { BrevoContactsSection } from './BrevoContactsSection';
import { BrevoEventsSection } from './BrevoEventsSection';
import { BrevoListsSection } from './BrevoListsSection';
import { BrevoScopeSection } from './BrevoScopeSection';
import { useBrevoOptions } from './use-brevo-options';

interface BrevoAccountEditorProps {
  account: BrevoAccountView | undefined;
  /** by account id: the attributes the last connection test found missing */
  missingAttributes: Readonly<Record<string, readonly string[]>>;
  onAttributesCreated: (id: string, created: string[]) => void;
  onSaved: (account: BrevoAccountView) => void;
  onClose: () => void;
  onTest: (instance: AnyInstanceView) => void;
}

const layoutStyles = xcss({
  display: 'grid',
  gap: 'space.400',
  gridTemplateColumns: 'minmax(0, 1fr)',
  [media.above.md]: { gridTemplateColumns: 'minmax(0, 760px) 280px' },
});
const sidebarStyles = xcss({
  alignSelf: 'start',
  [media.above.md]: { position: 'sticky', insetBlockStart: 'space.300' },
});
const footerStyles = xcss({
  paddingBlockStart: 'space.200',
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderBlockStartColor: 'color.border',
});

export function BrevoAccountEditor(props: BrevoAccountEditorProps) {
  const { account, missingAttributes, onAttributesCreated, onSaved, onClose, onTest } = props;
  const [saved, setSaved] = useState<BrevoAccountView | undefined>(account);
  const [draft, setDraft] = useState<BrevoDraft>(() =>
    account ? brevoDraftFromView(account) : emptyBrevoDraft(),
  );
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ResolverError | undefined>();
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const [refusals, setRefusals] = useState(0);
  const [optionReloads, setOptionReloads] = useState(0);
  const options = useBrevoOptions(saved?.id, optionReloads);

  // After a refused save, focus moves to the summary in the same commit that shows it.
  useLayoutEffect(() => {
    if (refusals > 0) summary.current?.focus();
  }, [refusals]);

  function change(patch: Partial<BrevoDraft>, stale: StaleIssues) {
    setDraft((current) => ({ ...current, ...patch }));
    setIssues((current) => current.filter((issue) => !stale(issue.path)));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    const result = await saveBrevoAccount(toBrevoAccountInput(draft));
    setSaving(false);
    if (result.ok) {
      const view = result.data.instance;
      setSaved(view);
      setDraft(brevoDraftFromView(view));
      setIssues([]);
      onSaved(view);
      void showFlag({
        id: `saved-${view.id}-${Date.now()}`,
        type: 'success',
        title: `${view.name} saved`,
        isAutoDismiss: true,
      });
      return;
    }
    const found = result.error.code === 'INVALID_INPUT' ? fieldIssuesOf(result.error) : [];
    setIssues(found);
    if (found.length === 0) setFailure(result.error);
    setRefusals((count) => count + 1);
  }

  const sectionProps = { draft, change, issues, options };
  return (
    <Stack space="space.200">
      <Box>
        <Button appearance="subtle" spacing="compact" iconBefore={ArrowLeftIcon} onClick={onClose}>
          All instances
        </Button>
      </Box>
      <Box xcss={layoutStyles}>
        <Stack space="space.200">
          <Stack space="space.050">
            <Heading size="large" as="h2">
              {saved ? saved.name : 'Add a Brevo account'}
            </Heading>
            <Text color="color.text.subtle">
              {saved
                ? 'Changes apply to the next Jira event once saved.'
                : 'Send Jira issue activity to your customers’ Brevo contacts. Nothing is sent until you turn it on.'}
            </Text>
          </Stack>
          {failure ? (
            <div ref={summary} tabIndex={-1}>
              <ErrorPanel
                title={
                  failure.code === 'FORBIDDEN'
                    ? 'Only Jira administrators can save settings'
                    : 'The Brevo account was not saved'
                }
                error={failure}
              />
            </div>
          ) : null}
          {issues.length > 0 ? <ErrorSummary ref={summary} issues={issues} /> : null}
          <form onSubmit={(event) => void save(event)} noValidate aria-label="Brevo account settings">
            <BrevoConnectionSection {...sectionProps} />
            <BrevoScopeSection {...sectionProps} />
            <BrevoEventsSection {...sectionProps} />
            <BrevoContactsSection {...sectionProps} />
            <BrevoAttributesSection
              {...sectionProps}
              missing={saved ? (missingAttributes[saved.id] ?? []) : []}
              onCreated={(created) => {
                if (saved) onAttributesCreated(saved.id, created);
                setOptionReloads((count) => count + 1);
              }}
            />
            <BrevoListsSection {...sectionProps} />
            <Box xcss={footerStyles}>
              <Inline space="space.100">
                <Button type="submit" appearance="primary" isLoading={saving}>
                  Save
                </Button>
                <Button appearance="subtle" onClick={onClose}>
                  {saved ? 'Close' : 'Cancel'}
                </Button>
              </Inline>
            </Box>
          </form>
        </Stack>
        <Box xcss={sidebarStyles}>
          <EditorSidebar saved={saved} onTest={onTest} />
        </Box>
      </Box>
    </Stack>
  );
}
