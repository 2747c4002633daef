// The "Instances" tab: the list, or the editor of one instance, plus the test and delete dialogs.
import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import AddIcon from '@atlaskit/icon/core/add';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { showFlag } from '@forge/bridge';
import { useState } from 'react';
import type { InstanceView } from '../api';
import { DeleteInstanceModal } from './DeleteInstanceModal';
import { InstanceEditor } from './editor/InstanceEditor';
import { InstanceTable } from './InstanceTable';
import { TestConnectionModal } from './TestConnectionModal';

interface InstancesViewProps {
  instances: InstanceView[];
  onSaved: (instance: InstanceView) => void;
  onDeleted: (id: string) => void;
}

type Editing = { mode: 'list' } | { mode: 'edit'; instance: InstanceView | undefined };

export function InstancesView({ instances, onSaved, onDeleted }: InstancesViewProps) {
  const [editing, setEditing] = useState<Editing>({ mode: 'list' });
  const [testing, setTesting] = useState<InstanceView | undefined>();
  const [deleting, setDeleting] = useState<InstanceView | undefined>();

  const dialogs = (
    <>
      {testing ? <TestConnectionModal instance={testing} onClose={() => setTesting(undefined)} /> : null}
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

  if (editing.mode === 'edit') {
    return (
      <>
        <InstanceEditor
          instance={editing.instance}
          onSaved={onSaved}
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
  return (
    <Stack space="space.200">
      {instances.length === 0 ? (
        <EmptyState
          header="Connect your first TeamSupport organization"
          headingLevel={2}
          description="Add a TeamSupport instance with its server address, organization ID and API token. Test the connection, then turn synchronization on to link tickets to Jira issues."
          primaryAction={add}
        />
      ) : (
        <>
          <Inline spread="space-between" alignBlock="center">
            <Text color="color.text.subtle">
              Each instance is one TeamSupport organization. Tickets of any active instance can be linked to
              Jira issues.
            </Text>
            {add}
          </Inline>
          <InstanceTable
            instances={instances}
            onEdit={(instance) => setEditing({ mode: 'edit', instance })}
            onTest={setTesting}
            onDelete={setDeleting}
          />
        </>
      )}
      {dialogs}
    </Stack>
  );
}
