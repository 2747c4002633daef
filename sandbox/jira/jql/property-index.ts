// Which issue entity properties JQL can search: the `jira:entityProperty` modules of the installed app, as Jira
// indexes them. Only a declared path is indexed, under its declared type (`number`, `string`, `text`, `date`, `user`),
// and a `searchAlias` makes it a JQL field of its own (`supportTickets > 0` instead of
// `issue.property[support-ticket-sync-links].count > 0`).
// https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
import { z } from 'zod';

export const PROPERTY_VALUE_TYPES = ['number', 'string', 'text', 'date', 'user'] as const;
export type PropertyValueType = (typeof PROPERTY_VALUE_TYPES)[number];

/** One `jira:entityProperty` module as the manifest declares it (the Forge manifest schema's fields). */
export const entityPropertyModuleSchema = z.object({
  key: z.string().optional(),
  entityType: z.enum(['issue', 'project', 'user']).optional(),
  propertyKey: z.string().min(1).max(255),
  values: z
    .array(
      z.object({
        path: z.string().min(1).max(255),
        type: z.enum(PROPERTY_VALUE_TYPES),
        // The manifest schema's pattern, and the module reference's rule that an alias "cannot contain dots".
        searchAlias: z
          .string()
          .min(1)
          .max(255)
          .regex(/^[a-zA-Z0-9_-]+$/, 'a searchAlias holds letters, digits, _ and - (no dots)')
          .optional(),
      }),
    )
    .min(1),
});
export type EntityPropertyModule = z.infer<typeof entityPropertyModuleSchema>;

/** A JQL field naming an issue property: `issue.property[<key>]` or `issue.property[<key>].<dotted path>`. */
export const ENTITY_PROPERTY = /^issue\.property\[([^\]]+)\](?:\.(.+))?$/i;

/** An indexed path of an issue property. */
export interface IndexedPath {
  propertyKey: string;
  path: string;
  type: PropertyValueType;
  /** how the clause names it (the alias, or `issue.property[key].path`), for error messages */
  field: string;
}

/** Forge's limit on values across all of an app's jira:entityProperty modules (the module reference). */
const MAX_INDEXED_VALUES = 100;

export class PropertyIndex {
  private readonly paths = new Map<string, IndexedPath>();
  private readonly aliases = new Map<string, IndexedPath>();

  /** Throws when the modules break a rule Jira's install would refuse (too many values, a reused alias). */
  constructor(modules: readonly EntityPropertyModule[] = []) {
    const parsed = modules.map((module) => entityPropertyModuleSchema.parse(module));
    const count = parsed.reduce((total, module) => total + module.values.length, 0);
    if (count > MAX_INDEXED_VALUES) {
      throw new Error(
        `jira:entityProperty modules declare ${count} values; Forge allows ${MAX_INDEXED_VALUES}`,
      );
    }
    for (const module of parsed) {
      if ((module.entityType ?? 'issue') !== 'issue') continue;
      for (const value of module.values) {
        const indexed: IndexedPath = {
          propertyKey: module.propertyKey,
          path: value.path,
          type: value.type,
          field: value.searchAlias ?? `issue.property[${module.propertyKey}].${value.path}`,
        };
        this.paths.set(pathKey(module.propertyKey, value.path), indexed);
        if (value.searchAlias !== undefined) {
          const alias = value.searchAlias.toLowerCase();
          if (this.aliases.has(alias)) throw new Error(`searchAlias ${value.searchAlias} is declared twice`);
          this.aliases.set(alias, indexed);
        }
      }
    }
  }

  /** The declared path of `issue.property[key].path`; undefined when Jira would not have indexed it. */
  path(propertyKey: string, path: string | undefined): IndexedPath | undefined {
    return path === undefined ? undefined : this.paths.get(pathKey(propertyKey, path));
  }

  /** The path a JQL field name stands for as a search alias (JQL field names are case-insensitive). */
  alias(field: string): IndexedPath | undefined {
    return this.aliases.get(field.toLowerCase());
  }
}

function pathKey(propertyKey: string, path: string): string {
  return `${propertyKey}\n${path}`;
}
