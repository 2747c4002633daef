// Pickers over the values of Jira and TeamSupport (from getMappingOptions). They always accept free text as well:
// options can be missing (TeamSupport unreachable, instance not saved yet) and names are what the backend matches.
import { CreatableSelect } from '@atlaskit/select';

export interface PickerOption {
  label: string;
  value: string;
}

export function textOptions(values: readonly string[]): PickerOption[] {
  return values.map((value) => ({ label: value, value }));
}

/** The option for a stored value: by value, else by label ignoring case (mappings may store a field's name), else the value itself. */
function optionFor(value: string, options: readonly PickerOption[]): PickerOption {
  const lower = value.toLowerCase();
  return (
    options.find((option) => option.value === value) ??
    options.find((option) => option.label.toLowerCase() === lower) ?? { label: value, value }
  );
}

interface CommonProps {
  inputId: string;
  options: readonly PickerOption[];
  isInvalid?: boolean;
  describedBy?: string;
  /** accessible name when there is no visible <label> (cells of a mapping row) */
  ariaLabel?: string;
  placeholder?: string;
}

const createLabel = (input: string) => `Use "${input}"`;
const noOptions = ({ inputValue }: { inputValue: string }) =>
  inputValue === '' ? 'Type a name' : 'No matches: press Enter to use what you typed';

export function Picker({
  inputId,
  options,
  isInvalid,
  describedBy,
  ariaLabel,
  placeholder,
  value,
  onChange,
  isClearable = false,
}: CommonProps & { value: string; onChange: (value: string) => void; isClearable?: boolean }) {
  return (
    <CreatableSelect
      inputId={inputId}
      options={options}
      value={value === '' ? null : optionFor(value, options)}
      onChange={(option: PickerOption | null) => onChange(option?.value ?? '')}
      isClearable={isClearable}
      isInvalid={isInvalid}
      descriptionId={describedBy}
      aria-label={ariaLabel}
      placeholder={placeholder ?? 'Choose or type…'}
      formatCreateLabel={createLabel}
      noOptionsMessage={noOptions}
      menuPlacement="auto"
      spacing="compact"
    />
  );
}

export function MultiPicker({
  inputId,
  options,
  isInvalid,
  describedBy,
  ariaLabel,
  placeholder,
  values,
  onChange,
}: CommonProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <CreatableSelect
      inputId={inputId}
      isMulti
      options={options}
      value={values.map((value) => optionFor(value, options))}
      onChange={(chosen: readonly PickerOption[] | null) =>
        onChange((chosen ?? []).map((option) => option.value))
      }
      isInvalid={isInvalid}
      descriptionId={describedBy}
      aria-label={ariaLabel}
      placeholder={placeholder ?? 'Choose or type…'}
      formatCreateLabel={createLabel}
      noOptionsMessage={noOptions}
      menuPlacement="auto"
      spacing="compact"
    />
  );
}
