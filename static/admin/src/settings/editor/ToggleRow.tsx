// A yes/no setting: the switch, its label and what it does, as in Jira's own settings pages.
import { Label } from '@atlaskit/form';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';
import type { ReactNode } from 'react';
import { FieldMessages } from './FieldRow';
import { controlId, messageId } from './issues';

interface ToggleRowProps {
  path: string;
  label: string;
  helper: ReactNode;
  checked: boolean;
  messages: string[];
  onChange: (checked: boolean) => void;
}

const switchStyles = xcss({ marginBlockStart: 'space.negative.025', flexShrink: 0 });

export function ToggleRow({ path, label, helper, checked, messages, onChange }: ToggleRowProps) {
  const id = controlId(path);
  return (
    <Inline space="space.100" alignBlock="start">
      <Box xcss={switchStyles}>
        <Toggle
          id={id}
          isChecked={checked}
          descriptionId={messageId(path)}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      </Box>
      <Stack space="space.025">
        <Label htmlFor={id}>{label}</Label>
        <FieldMessages path={path} helper={helper} messages={messages} />
      </Stack>
    </Inline>
  );
}
