// Shapes shared by the KVS emulator's modules.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndexDecl {
  name: string;
  partition: string[];
  range?: string;
}

export interface EntityDecl {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes: EntityIndexDecl[];
}

/** What the emulator answers; `body` undefined means an empty body. */
export interface KvsReply {
  status: number;
  body?: unknown;
}

/** One stored item. Times are epoch milliseconds from the injected clock. */
export interface StoredItem {
  value: JsonValue;
  createdAt: number;
  updatedAt: number;
  expiresAt?: number;
}

export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

/** Plain keys, secrets and each entity are separate key spaces. */
export type Namespace = { kind: 'plain' } | { kind: 'secret' } | { kind: 'entity'; entityName: string };
