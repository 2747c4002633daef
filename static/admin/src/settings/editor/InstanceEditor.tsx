// Adds or edits one instance: every setting of the InstanceInput contract, grouped as in TeamSupport's own Jira
// settings. Validation is the backend's: a refused save comes back as INVALID_INPUT with one message per field path,
// shown next to the field and listed in a summary; nothing is stored until every problem is fixed.
//
// Layout (issue 20): one page of sections, each with its own heading, an "On this page" list beside them, and a Save
// bar that stays at the bottom of the view. Not one tab per section: the error summary after a refused save links to
// fields in any section, and an admin reviews the whole instance before turning sync on; both want every field on one
// page, as Jira's own long admin forms keep them, with the actions always in reach.
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import { Box, Inline, Stack, Text, media, xcss } from '@atlaskit/primitives';
import { showFlag } from '@forge/bridge';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { fieldIssuesOf, type FieldIssue, type ResolverError } from '../../../../shared/envelope';
import { ErrorPanel } from '../../../../shared/ErrorPanel';
import { saveInstance, type AnyInstanceView, type InstanceView } from '../../api';
import { ConnectionSection } from './ConnectionSection';
import { CorrelationSection } from './CorrelationSection';
import { draftFromView, emptyDraft, toInstanceInput, type InstanceDraft } from './draft';
import { EditorSidebar } from './EditorSidebar';
import { ErrorSummary } from './ErrorSummary';
import { FasterSyncSection } from './FasterSyncSection';
import type { StaleIssues } from './issues';
import { MappingsSection } from './MappingsSection';
import { ProjectsSection } from './ProjectsSection';
import { PushHintSection } from './PushHintSection';
import { ReleasesSection } from './ReleasesSection';
import { SectionNav } from './SectionNav';
import { SyncSection } from './SyncSection';
import { TicketTypesSection } from './TicketTypesSection';
import { useMappingOptions } from './use-mapping-options';

interface InstanceEditorProps {
  instance: InstanceView | undefined;
  onSaved: (instance: InstanceView) => void;
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
// The Save bar sticks to the bottom of the view while the form is longer than the screen.
const footerStyles = xcss({
  position: 'sticky',
  insetBlockEnd: 'space.0',
  zIndex: 'card',
  paddingBlock: 'space.150',
  backgroundColor: 'elevation.surface',
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderBlockStartColor: 'color.border',
});

export function InstanceEditor({ instance, onSaved, onClose, onTest }: InstanceEditorProps) {
  const [saved, setSaved] = useState<InstanceView | undefined>(instance);
  const [draft, setDraft] = useState<InstanceDraft>(() =>
    instance ? draftFromView(instance) : emptyDraft(),
  );
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ResolverError | undefined>();
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const [refusals, setRefusals] = useState(0);
  // Read again after every save: a corrected address must not keep the old address's warning (issue 20).
  const options = useMappingOptions(saved?.id, saved?.updatedAt);
  const form = useRef<HTMLFormElement>(null);

  // After a refused save, focus moves to the summary in the same commit that shows it.
  useLayoutEffect(() => {
    if (refusals > 0) summary.current?.focus();
  }, [refusals]);

  function change(patch: Partial<InstanceDraft>, stale: StaleIssues) {
    setDraft((current) => ({ ...current, ...patch }));
    setIssues((current) => current.filter((issue) => !stale(issue.path)));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    const result = await saveInstance(toInstanceInput(draft));
    setSaving(false);
    if (result.ok) {
      const view = result.data.instance;
      setSaved(view);
      setDraft(draftFromView(view));
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
              {saved ? saved.name : 'Add a TeamSupport instance'}
            </Heading>
            <Text color="color.text.subtle">
              {saved
                ? 'Changes apply to the next sync once saved.'
                : 'Connect a TeamSupport organization. Synchronization stays off until you turn it on.'}
            </Text>
          </Stack>
          {failure ? (
            <div ref={summary} tabIndex={-1}>
              <ErrorPanel
                title={
                  failure.code === 'FORBIDDEN'
                    ? 'Only Jira administrators can save settings'
                    : 'The instance was not saved'
                }
                error={failure}
              />
            </div>
          ) : null}
          {issues.length > 0 ? <ErrorSummary ref={summary} issues={issues} /> : null}
          <form ref={form} onSubmit={(event) => void save(event)} noValidate aria-label="Instance settings">
            <ConnectionSection {...sectionProps} />
            <SyncSection {...sectionProps} />
            <TicketTypesSection {...sectionProps} />
            <ProjectsSection {...sectionProps} />
            <MappingsSection {...sectionProps} />
            <CorrelationSection {...sectionProps} />
            <ReleasesSection {...sectionProps} />
            <FasterSyncSection {...sectionProps} />
            <PushHintSection instanceId={saved?.id} />
            <Box xcss={footerStyles} testId="save-bar">
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
          <Stack space="space.300">
            <EditorSidebar saved={saved} onTest={onTest} />
            <SectionNav form={form} version={saved?.id} />
          </Stack>
        </Box>
      </Box>
    </Stack>
  );
}
