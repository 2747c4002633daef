// Reads writable columns from a request body with the server's ReadFromXml rules: names case-insensitive, an empty
// value clears the column (or fails when the column is NOT NULL), text is parsed as the column's .NET type and a
// value that does not parse fails the whole request before anything is saved.
import type { Culture } from '../dates';
import { parseBoolean, parseDateText, parseInt32, type RequestFields } from '../wire/request-body';
import { failures } from './failures';

export class ColumnReader {
  constructor(
    private readonly fields: RequestFields,
    private readonly culture: Culture,
    private readonly table: string,
  ) {}

  private raw(name: string): string | null | undefined {
    const value = this.fields.get(name);
    if (value === undefined || value.kind === 'structured') return undefined;
    return value.kind === 'empty' ? null : value.text;
  }

  private notNull(name: string): never {
    throw failures.internal(
      `Cannot insert the value NULL into column '${name}', table '${this.table}'; column does not allow nulls. ` +
        'UPDATE fails.',
    );
  }

  /** undefined: not sent; null: sent empty */
  int(name: string): number | null | undefined {
    const raw = this.raw(name);
    if (raw === null) return null;
    return raw === undefined ? undefined : parseInt32(raw);
  }

  /** a NOT NULL integer column: sending it empty fails */
  intNotNull(name: string): number | undefined {
    const raw = this.raw(name);
    if (raw === null) return this.notNull(name);
    return raw === undefined ? undefined : parseInt32(raw);
  }

  bool(name: string): boolean | undefined {
    const raw = this.raw(name);
    if (raw === null) return this.notNull(name);
    return raw === undefined ? undefined : parseBoolean(raw);
  }

  date(name: string): Date | null | undefined {
    const raw = this.raw(name);
    if (raw === null) return null;
    return raw === undefined ? undefined : parseDateText(raw, this.culture);
  }

  dateNotNull(name: string): Date | undefined {
    const raw = this.raw(name);
    if (raw === null) return this.notNull(name);
    return raw === undefined ? undefined : parseDateText(raw, this.culture);
  }

  /** text columns become "" when sent empty */
  text(name: string): string | undefined {
    const raw = this.raw(name);
    return raw === null ? '' : raw;
  }
}

/** POST reads lookups leniently: every field sits in its own try/catch, so a value that does not parse is ignored. */
export function lenient<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
