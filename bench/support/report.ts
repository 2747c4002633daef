// Plain-text output for benchmarks: aligned tables, ratios and durations. Benchmarks print figures; nothing here
// judges them.
export type Cell = string | number;

export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
  /** lines printed under the table: what the columns mean, why a figure is above its minimum */
  notes?: string[];
}

const formatCell = (cell: Cell): string => (typeof cell === 'number' ? count(cell) : cell);

export function count(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}

/** `measured / minimum` as "1.50×"; "—" when the minimum is 0 (any cost above nothing has no finite ratio). */
export function ratio(measured: number, minimum: number): string {
  return minimum === 0 ? (measured === 0 ? '1.00×' : '—') : `${(measured / minimum).toFixed(2)}×`;
}

/** "measured / minimum" side by side, for one cell. */
export function versus(measured: number, minimum: number): string {
  return `${count(measured)} / ${count(minimum)}`;
}

export function seconds(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`;
}

export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => row.map(formatCell));
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  // Text columns read left-aligned, figures right-aligned; the first column is always a label.
  const numeric = table.headers.map(
    (_, column) =>
      column > 0 &&
      table.rows.every(
        (row) => typeof row[column] !== 'string' || /^[\d\s.,/×%—msx-]+$/.test(String(row[column])),
      ),
  );
  const line = (row: string[]): string =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return numeric[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [
    table.title,
    line(table.headers),
    rule,
    ...cells.map(line),
    ...(table.notes ?? []).map((note) => `  ${note}`),
  ].join('\n');
}
