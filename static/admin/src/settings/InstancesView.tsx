// The "Instances" tab: the list of TeamSupport instances and Brevo accounts, or the editor of one, plus the test and
// delete dialogs. The attributes a Brevo account's last test found missing are kept here for its editor.
import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import AddIcon from '@atlaskit/icon/core/add';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { showFlag } from '@forge/bridge';
import { useState } from 'react';
import type { AnyInstanceView, InstanceView } from '../api';
import type { BrevoAccountView } from '../brevo-view';
import { BrevoAccountEditor } from './brevo/BrevoAccountEditor';
import { BrevoStatusPanel } from './brevo/BrevoStatusPanel';
import { DeleteInstanceModal } from './DeleteInstanceModal';
import { InstanceEditor } from './editor/InstanceEditor';
import { InstanceTable } from './InstanceTable';
import { TestConnectionModal } from './TestConnectionModal';

interface InstancesViewProps {
  instances: AnyInstanceView[];
  onSaved: (instance: AnyInstanceView) => void;
  onDeleted: (id: string) => void;
}

type Editing =
  | { mode: 'list' }
  | { mode: 'edit'; instance: InstanceView | undefined }
  | { mode: 'edit-brevo'; account: BrevoAccountView | undefined }
  | { mode: 'status-brevo'; account: BrevoAccountView };

function editingOf(instance: AnyInstanceView): Editing {
  return instance.kind === 'brevo' ? { mode: 'edit-brevo', account: instance } : { mode: 'edit', instance };
}

export function InstancesView({ instances, onSaved, onDeleted }: InstancesViewProps) {
  const [editing, setEditing] = useState<Editing>({ mode: 'list' });
  // A saved instance comes back without its request figure (getSettings alone reads it): keep the one shown.
  const savedInstance = (saved: InstanceView) => {
    const shown = instances.find((instance) => instance.id === saved.id);
    const requestsLast24h = shown?.kind === 'teamsupport' ? shown.requestsLast24h : undefined;
    onSaved(requestsLast24h === undefined ? saved : { ...saved, requestsLast24h });
  };
  const [testing, setTesting] = useState<AnyInstanceView | undefined>();
  const [deleting, setDeleting] = useState<AnyInstanceView | undefined>();
  const [missingAttributes, setMissingAttributes] = useState<Record<string, string[]>>({});

  const dialogs = (
    <>
      {testing ? (
        <TestConnectionModal
          instance={testing}
          onClose={() => setTesting(undefined)}
          onChecked={(id, test) =>
            setMissingAttributes((current) => ({ ...current, [id]: test.missingAttributes ?? [] }))
          }
        />
      ) : null}
      {deleting ? (
        <DeleteInstanceModal
          instance={deleting}
          onClose={(deleted) => {
            if (deleted) {
              onDeleted(deleting.id);
              void showFlag({
                id: `deleted-${deleting.id}`,
                type: 'success',
                title: `${deleting.name} deleted`,
                isAutoDismiss: true,
              });
            }
            setDeleting(undefined);
          }}
        />
      ) : null}
    </>
  );

  if (editing.mode === 'edit-brevo') {
    return (
      <>
        <BrevoAccountEditor
          account={editing.account}
          missingAttributes={missingAttributes}
          onAttributesCreated={(id) => setMissingAttributes((current) => ({ ...current, [id]: [] }))}
          onSaved={onSaved}
          onClose={() => setEditing({ mode: 'list' })}
          onTest={setTesting}
        />
        {dialogs}
      </>
    );
  }

  if (editing.mode === 'status-brevo') {
    return <BrevoStatusPanel account={editing.account} onClose={() => setEditing({ mode: 'list' })} />;
  }

  if (editing.mode === 'edit') {
    return (
      <>
        <InstanceEditor
          instance={editing.instance}
          onSaved={savedInstance}
          onClose={() => setEditing({ mode: 'list' })}
          onTest={setTesting}
        />
        {dialogs}
      </>
    );
  }

  const add = (
    <Button
      appearance="primary"
      iconBefore={AddIcon}
      onClick={() => setEditing({ mode: 'edit', instance: undefined })}
    >
      Add instance
    </Button>
  );
  const addBrevo = (
    <Button iconBefore={AddIcon} onClick={() => setEditing({ mode: 'edit-brevo', account: undefined })}>
      Add a Brevo account
    </Button>
  );
  return (
    <Stack space="space.200">
      {instances.length === 0 ? (
        <EmptyState
          header="Connect your first TeamSupport organization"
          headingLevel={2}
          description="Add a TeamSupport instance with its server address, organization ID and API token. Test the connection, then turn synchronization on to link tickets to Jira issues."
          primaryAction={add}
          secondaryAction={addBrevo}
        />
      ) : (
        <>
          <Inline spread="space-between" alignBlock="center">
            <Text color="color.text.subtle">
              Each instance is one TeamSupport organization. Tickets of any active instance can be linked to
              Jira issues. A Brevo account receives Jira issue activity on customers’ contacts.
            </Text>
            <Inline space="space.100">
              {addBrevo}
              {add}
            </Inline>
          </Inline>
          <InstanceTable
            instances={instances}
            onEdit={(instance) => setEditing(editingOf(instance))}
            onTest={setTesting}
            onDelete={setDeleting}
            onStatus={(account) => setEditing({ mode: 'status-brevo', account })}
          />
        </>
      )}
      {dialogs}
    </Stack>
  );
}
