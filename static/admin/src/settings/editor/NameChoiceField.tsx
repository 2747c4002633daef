// "All <things>" or a chosen list: the contract's `'all' | string[]`, as a fieldset (a checkbox and a picker).
import { Checkbox } from '@atlaskit/checkbox';
import { Fieldset } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { NameChoice } from './draft';
import { FieldMessages } from './FieldRow';
import { controlId, messageId } from './issues';
import { MultiPicker, textOptions } from './Picker';

interface NameChoiceFieldProps {
  path: string;
  label: string;
  allLabel: string;
  helper: ReactNode;
  choice: NameChoice;
  options: readonly string[];
  messages: string[];
  onChange: (choice: NameChoice) => void;
}

export function NameChoiceField(props: NameChoiceFieldProps) {
  const { path, label, allLabel, helper, choice, options, messages, onChange } = props;
  return (
    <Fieldset legend={label}>
      <Stack space="space.075">
        <Checkbox
          id={controlId(path)}
          label={allLabel}
          isChecked={choice.all}
          onChange={(event) => onChange({ ...choice, all: event.currentTarget.checked })}
          aria-describedby={messageId(path)}
        />
        {choice.all ? null : (
          <MultiPicker
            inputId={`${controlId(path)}-names`}
            options={textOptions(options)}
            values={choice.names}
            onChange={(names) => onChange({ all: false, names })}
            isInvalid={messages.length > 0}
            describedBy={messageId(path)}
            ariaLabel={`${label}: chosen`}
          />
        )}
        <FieldMessages path={path} helper={helper} messages={messages} />
      </Stack>
    </Fieldset>
  );
}
