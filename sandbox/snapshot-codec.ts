// What the emulators' saved states have in common: v8 bytes of `{ format, version, ...tables }`, read back only when
// the format and version are this emulator's and every table passes its schema, so that a damaged file or one from
// another format fails loudly instead of leaving a half-working emulator.
import { types } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';

/** A schema for every property of T: a property forgotten here would be dropped silently on restore. */
export type ShapeOf<T> = { [K in keyof T]-?: z.ZodType<T[K]> };

// v8.deserialize builds its Maps, Sets and Dates in the realm node:v8 belongs to, which under jest is not this
// module's; copying them first lets zod recognise them.
export function mapOf<K extends z.ZodType, V extends z.ZodType>(key: K, value: V) {
  return z.preprocess((input) => (types.isMap(input) ? new Map(input) : input), z.map(key, value));
}

export function setOf<V extends z.ZodType>(value: V) {
  return z.preprocess((input) => (types.isSet(input) ? new Set(input) : input), z.set(value));
}

// instanceof rather than z.date(): an invalid date is a value a state can hold (TeamSupport's ticket index allows
// for it), and it must come back as it was saved.
export function dateOf() {
  return z.preprocess(
    (input) => (types.isDate(input) ? new Date(input.getTime()) : input),
    z.instanceof(Date),
  );
}

export function encodeSnapshot(format: string, version: number, body: object): Buffer {
  return serialize({ format, version, ...body });
}

export interface SnapshotReading<S extends z.ZodType> {
  format: string;
  version: number;
  /** the emulator named in the error, e.g. 'Jira' */
  label: string;
  /** what --reset gives instead, e.g. 'a fresh site' */
  freshStart: string;
  /** the body: the document's format and version are checked before it is parsed */
  schema: S;
}

/** The saved body, or an error that names the emulator, says what is wrong and how to start afresh. */
export function decodeSnapshot<S extends z.ZodType>(saved: Buffer, reading: SnapshotReading<S>): z.output<S> {
  const { format, version, label, freshStart, schema } = reading;
  const unreadable = (reason: string) =>
    new Error(
      `The saved ${label} emulator state is unreadable (${reason}). Start with --reset to begin with ${freshStart}.`,
    );
  let value: unknown;
  try {
    value = deserialize(saved);
  } catch (error) {
    throw unreadable(`not a v8 serialization: ${error instanceof Error ? error.message : String(error)}`);
  }
  const head = z.object({ format: z.literal(format), version: z.number() }).safeParse(value);
  if (!head.success) throw unreadable(`not a ${format} document`);
  if (head.data.version !== version)
    throw unreadable(`format version ${head.data.version}, this emulator reads version ${version}`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw unreadable(`invalid content:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Copies a saved table into a state's own table (those are readonly fields, made with the state). */
export function fill<K, V>(target: Map<K, V>, source: ReadonlyMap<K, V>): void {
  for (const [key, value] of source) target.set(key, value);
}
