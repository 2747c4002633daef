// An editable list of mapping rows (field, type, status, product → project): one picker per column, a remove button
// per row, and the backend's messages under the cell, row or list they concern.
import Button from '@atlaskit/button/default/button';
import IconButton from '@atlaskit/button/icon/button';
import { ErrorMessage } from '@atlaskit/form';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { useRef } from 'react';
import type { FieldIssue } from '../../../../shared/envelope';
import { FieldMessages } from './FieldRow';
import { controlId, exactly, messageId, messagesAt, under, type StaleIssues } from './issues';
import { Picker, type PickerOption } from './Picker';

export interface MappingColumn<Row> {
  key: keyof Row & string;
  label: string;
  options: (row: Row) => PickerOption[];
  placeholder?: string;
  /** a cell that may stay empty (cleared with ×) */
  optional?: boolean;
}

interface MappingRowsProps<Row extends { rowKey: string }> {
  path: string;
  /** singular, for buttons: "field mapping" */
  noun: string;
  rows: Row[];
  columns: MappingColumn<Row>[];
  issues: readonly FieldIssue[];
  newRow: () => Row;
  /** the new rows, and the messages the change made stale (a removal renumbers the rows below it) */
  onChange: (rows: Row[], stale: StaleIssues) => void;
  empty: string;
}

const gridStyles = xcss({
  display: 'grid',
  columnGap: 'space.100',
  rowGap: 'space.050',
  alignItems: 'start',
});
const headerStyles = xcss({ paddingBlockEnd: 'space.025' });

function cellValue<Row>(row: Row, key: keyof Row): string {
  const value = row[key];
  return typeof value === 'string' ? value : '';
}

export function MappingRows<Row extends { rowKey: string }>(props: MappingRowsProps<Row>) {
  const { path, noun, rows, columns, issues, newRow, onChange, empty } = props;
  const addButton = useRef<HTMLButtonElement>(null);
  const template = { gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr)) 32px` };
  return (
    <Stack space="space.100">
      {rows.length === 0 ? (
        <Text color="color.text.subtlest">{empty}</Text>
      ) : (
        <Box xcss={gridStyles} style={template} role="group" aria-label={`${noun}s`}>
          {columns.map((column) => (
            <Box key={column.key} xcss={headerStyles} aria-hidden="true">
              <Text size="small" weight="semibold" color="color.text.subtle">
                {column.label}
              </Text>
            </Box>
          ))}
          <span />
          {rows.map((row, index) => {
            const rowPath = `${path}.${index}`;
            const rowMessages = messagesAt(issues, rowPath);
            return [
              ...columns.map((column) => {
                const cellPath = `${rowPath}.${column.key}`;
                const messages = messagesAt(issues, cellPath);
                return (
                  <Stack key={`${row.rowKey}-${column.key}`} space="space.025">
                    <Picker
                      inputId={controlId(cellPath)}
                      options={column.options(row)}
                      value={cellValue(row, column.key)}
                      onChange={(value) =>
                        onChange(
                          rows.map((other) =>
                            other.rowKey === row.rowKey ? { ...other, [column.key]: value } : other,
                          ),
                          exactly(cellPath, rowPath, path),
                        )
                      }
                      isInvalid={messages.length > 0}
                      describedBy={messageId(cellPath)}
                      ariaLabel={`${column.label}, row ${index + 1}`}
                      isClearable={column.optional === true}
                      {...(column.placeholder ? { placeholder: column.placeholder } : {})}
                    />
                    <FieldMessages path={cellPath} messages={messages} />
                  </Stack>
                );
              }),
              <IconButton
                key={`${row.rowKey}-remove`}
                icon={DeleteIcon}
                label={`Remove ${noun} ${index + 1}`}
                appearance="subtle"
                spacing="compact"
                onClick={() => {
                  onChange(
                    rows.filter((other) => other.rowKey !== row.rowKey),
                    under(path),
                  );
                  // The removed row's button goes away with it; keep focus in the list.
                  addButton.current?.focus();
                }}
              />,
              ...(rowMessages.length > 0
                ? [
                    <Box
                      key={`${row.rowKey}-messages`}
                      style={{ gridColumn: '1 / -1' }}
                      id={messageId(rowPath)}
                    >
                      {rowMessages.map((message) => (
                        <ErrorMessage key={message}>{message}</ErrorMessage>
                      ))}
                    </Box>,
                  ]
                : []),
            ];
          })}
        </Box>
      )}
      <FieldMessages path={path} messages={messagesAt(issues, path)} />
      <Box>
        <Button
          ref={addButton}
          iconBefore={AddIcon}
          appearance="subtle"
          spacing="compact"
          id={rows.length === 0 ? controlId(path) : undefined}
          onClick={() => onChange([...rows, newRow()], exactly(path))}
        >
          Add {noun}
        </Button>
      </Box>
    </Stack>
  );
}
