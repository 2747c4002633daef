// The console's tables: a header row, the rows, and a line saying so when there are none.
import { html, type Html } from './html';

export interface Column {
  label: string;
  numeric?: boolean;
}

export function table(input: {
  className?: string;
  columns: (string | Column)[];
  rows: Html[];
  empty: string;
}): Html {
  const columns = input.columns.map((column) => (typeof column === 'string' ? { label: column } : column));
  const headers = columns.map((column) =>
    column.numeric ? html`<th class="num">${column.label}</th>` : html`<th>${column.label}</th>`,
  );
  const body =
    input.rows.length > 0
      ? input.rows
      : html`<tr>
          <td colspan="${columns.length}" class="hint">${input.empty}</td>
        </tr>`;
  return html`<table class="${input.className ?? ''}">
    <thead>
      <tr>
        ${headers}
      </tr>
    </thead>
    <tbody>
      ${body}
    </tbody>
  </table>`;
}
