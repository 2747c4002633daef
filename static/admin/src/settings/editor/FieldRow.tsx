// One labelled control with its helper text and the backend's messages for its path, tied together by ids so screen
// readers announce the message with the control.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import { controlId, messageId } from './issues';

export interface ControlProps {
  id: string;
  describedBy: string;
  isInvalid: boolean;
}

interface FieldRowProps {
  path: string;
  label: string;
  helper?: ReactNode;
  messages: string[];
  children: (control: ControlProps) => ReactNode;
}

export function FieldMessages({
  path,
  helper,
  messages,
}: {
  path: string;
  helper?: ReactNode;
  messages: string[];
}) {
  return (
    <div id={messageId(path)}>
      {messages.length > 0
        ? messages.map((message) => <ErrorMessage key={message}>{message}</ErrorMessage>)
        : helper !== undefined && <HelperMessage>{helper}</HelperMessage>}
    </div>
  );
}

export function FieldRow({ path, label, helper, messages, children }: FieldRowProps) {
  const id = controlId(path);
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, describedBy: messageId(path), isInvalid: messages.length > 0 })}
      <FieldMessages path={path} helper={helper} messages={messages} />
    </Stack>
  );
}
