// A response object as the server's XML writer sees it: an ordered list of typed fields (and nested XML-style
// collections such as Customers/Tags). Encoding turns every value into a string or null, the way the XML → JSON
// conversion does: numbers "745895", booleans "True"/"False", dates in the org's culture, empty values null.

export type Cell =
  | { readonly kind: 'int'; readonly name: string; readonly value: number | null; readonly custom?: boolean }
  | {
      readonly kind: 'decimal';
      readonly name: string;
      readonly value: number | null;
      readonly custom?: boolean;
    }
  | {
      readonly kind: 'bool';
      readonly name: string;
      readonly value: boolean | null;
      readonly custom?: boolean;
    }
  | { readonly kind: 'date'; readonly name: string; readonly value: Date | null; readonly custom?: boolean }
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly value: string | null;
      readonly custom?: boolean;
    };

/** A child collection written as <Customers><Customer>…</Customer></Customers>. */
export interface NestedList {
  readonly kind: 'list';
  readonly name: string;
  readonly element: string;
  readonly items: readonly WireRecord[];
}

export type Entry = Cell | NestedList;
export type WireRecord = readonly Entry[];

export const cell = {
  int: (name: string, value: number | null): Cell => ({ kind: 'int', name, value }),
  decimal: (name: string, value: number | null): Cell => ({ kind: 'decimal', name, value }),
  bool: (name: string, value: boolean | null): Cell => ({ kind: 'bool', name, value }),
  date: (name: string, value: Date | null): Cell => ({ kind: 'date', name, value }),
  text: (name: string, value: string | null): Cell => ({ kind: 'text', name, value }),
};

export function nestedList(name: string, element: string, items: readonly WireRecord[]): NestedList {
  return { kind: 'list', name, element, items };
}

export type Json = string | null | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

export interface WireContext {
  readonly formatDate: (date: Date) => string;
  /**
   * escape text like the server's SecurityElement.Escape before its XML writer (seen in the fixture of
   * docs/teamsupport-api.md §16.2)
   */
  readonly escapeText: boolean;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const NUL = String.fromCharCode(0);
const FILE_SEPARATOR = String.fromCharCode(0x1c);

export function escapeLikeSecurityElement(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

export function encodeCell(entry: Cell, context: WireContext): string | null {
  switch (entry.kind) {
    case 'int':
      return entry.value === null ? null : String(Math.trunc(entry.value));
    case 'decimal':
      return entry.value === null ? null : entry.value.toFixed(6);
    case 'bool':
      return entry.value === null ? null : entry.value ? 'True' : 'False';
    case 'date':
      return entry.value === null ? null : context.formatDate(entry.value);
    case 'text': {
      if (entry.value === null) return null;
      // The server strips NUL and 0x1C before writing XML; an empty element converts to null.
      const cleaned = entry.value.replaceAll(NUL, '').replaceAll(FILE_SEPARATOR, '');
      if (cleaned === '') return null;
      return context.escapeText ? escapeLikeSecurityElement(cleaned) : cleaned;
    }
  }
}

/** XML → JSON of a repeated element: no items → null, one item → the object, several → an array. */
export function xmlStyleCollection(element: string, items: readonly JsonObject[]): JsonObject | null {
  const [first] = items;
  if (first === undefined) return null;
  return { [element]: items.length === 1 ? first : items };
}

export function encodeRecord(record: WireRecord, context: WireContext): JsonObject {
  const out: Record<string, Json> = {};
  for (const entry of record) {
    if (entry.kind === 'list') {
      out[entry.name] = xmlStyleCollection(
        entry.element,
        entry.items.map((item) => encodeRecord(item, context)),
      );
    } else {
      out[entry.name] = encodeCell(entry, context);
    }
  }
  return out;
}

export function findCell(record: WireRecord, name: string): Cell | undefined {
  const wanted = name.toLowerCase();
  for (const entry of record) {
    if (entry.kind !== 'list' && entry.name.toLowerCase() === wanted) return entry;
  }
  return undefined;
}
