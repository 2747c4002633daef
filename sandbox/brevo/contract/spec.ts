// Brevo's OpenAPI document (NOTICE.md), read once per process with the corrections of errata.ts applied, and the
// contract of each operation the emulator serves: parameters, request body and replies, as JSON schemas.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ADDED_OPERATIONS, REPLACED_SCHEMAS } from './errata';

/** The vendored document, resolved from this file so that the emulator does not depend on the cwd. */
export const BREVO_SPEC_PATH = path.resolve(__dirname, 'brevo-v3.openapi.yml');
/** Where the parsed document is kept as JSON (parsing the 870 KB YAML takes about two seconds). */
const CACHE_DIR = path.resolve(__dirname, '../../../node_modules/.cache/brevo-emulator');

const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

const SchemaObject = z.record(z.string(), z.unknown());

const SpecDocument = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    schemas: SchemaObject,
    parameters: SchemaObject.optional(),
    responses: SchemaObject.optional(),
  }),
});

const Parameter = z.object({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: SchemaObject.optional(),
});
const Reference = z.object({ $ref: z.string() });
const OperationId = z.object({ operationId: z.string() });
const Media = z.object({ schema: SchemaObject.optional() });
const Response = z.object({ content: z.record(z.string(), Media).optional() });
const Operation = z.object({
  operationId: z.string(),
  parameters: z.array(z.union([Reference, Parameter])).optional(),
  requestBody: z
    .object({ required: z.boolean().optional(), content: z.record(z.string(), Media) })
    .optional(),
  responses: z.record(z.string(), z.union([Reference, Response])),
});

export interface ParameterContract {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
}

export interface OperationContract {
  operationId: string;
  method: HttpMethod;
  /** relative to /v3, e.g. `/contacts/{identifier}` */
  pathTemplate: string;
  pathParameters: ParameterContract[];
  queryParameters: ParameterContract[];
  requestBody?: { required: boolean; schema: Record<string, unknown> };
  /** status code → JSON schema of the body (undefined when the document gives the status no JSON body) */
  responses: Map<string, Record<string, unknown> | undefined>;
}

interface LoadedSpec {
  components: z.infer<typeof SpecDocument>['components'];
  rawOperations: Map<string, { method: HttpMethod; pathTemplate: string; raw: unknown }>;
  templates: { method: HttpMethod; pattern: RegExp; operationId: string }[];
}

let loaded: LoadedSpec | undefined;
const contracts = new Map<string, OperationContract>();

function readDocument(): unknown {
  const text = fs.readFileSync(BREVO_SPEC_PATH, 'utf8');
  const digest = createHash('sha256').update(text).digest('hex');
  const cached = path.join(CACHE_DIR, `${digest}.json`);
  try {
    const json: unknown = JSON.parse(fs.readFileSync(cached, 'utf8'));
    return json;
  } catch {
    // not cached yet, or unreadable: parse the YAML
  }
  const document: unknown = parse(text);
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(`${cached}.${process.pid}`, JSON.stringify(document));
    fs.renameSync(`${cached}.${process.pid}`, cached);
  } catch {
    // a cache that cannot be written only costs time
  }
  return document;
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/** Parsed once per process and shared by every emulator instance. */
export function brevoSpec(): LoadedSpec {
  if (loaded) return loaded;
  const document = SpecDocument.parse(readDocument());
  const schemas = { ...document.components.schemas, ...REPLACED_SCHEMAS };
  const rawOperations: LoadedSpec['rawOperations'] = new Map();
  const add = (method: HttpMethod, pathTemplate: string, raw: unknown): void => {
    const id = OperationId.safeParse(raw);
    if (id.success) rawOperations.set(id.data.operationId, { method, pathTemplate, raw });
  };
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) add(method, pathTemplate, item[method]);
  }
  for (const erratum of ADDED_OPERATIONS) add(erratum.method, erratum.path, erratum.operation);
  // Literal paths before templated ones, so `/contacts/lists` is never read as `/contacts/{identifier}`.
  const templates = [...rawOperations.entries()]
    .map(([operationId, entry]) => ({
      method: entry.method,
      pattern: templatePattern(entry.pathTemplate),
      operationId,
      literal: !entry.pathTemplate.includes('{'),
    }))
    .sort((a, b) => Number(b.literal) - Number(a.literal))
    .map(({ method, pattern, operationId }) => ({ method, pattern, operationId }));
  loaded = { components: { ...document.components, schemas }, rawOperations, templates };
  return loaded;
}

/** The operation a request (path relative to /v3) would reach on the real API, if any. */
export function findSpecOperation(method: string, pathBelowV3: string): string | undefined {
  const lower = method.toLowerCase();
  return brevoSpec().templates.find((t) => t.method === lower && t.pattern.test(pathBelowV3))?.operationId;
}

function resolveRef<T>(ref: string, schema: z.ZodType<T>): T {
  const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
  const components: Record<string, unknown> = brevoSpec().components;
  const table = SchemaObject.safeParse(section === undefined ? undefined : components[section]);
  if (!table.success || name === undefined) throw new Error(`Unresolvable reference ${ref}`);
  return schema.parse(table.data[name]);
}

export function operationContract(operationId: string): OperationContract {
  const cached = contracts.get(operationId);
  if (cached) return cached;
  const entry = brevoSpec().rawOperations.get(operationId);
  if (!entry) throw new Error(`Unknown Brevo operationId ${operationId}`);
  const operation = Operation.parse(entry.raw);
  const parameters = (operation.parameters ?? []).map((p) =>
    '$ref' in p ? resolveRef(p.$ref, Parameter) : p,
  );
  const toContract = (p: z.infer<typeof Parameter>): ParameterContract => ({
    name: p.name,
    required: p.required ?? false,
    schema: rebase(p.schema ?? {}),
  });
  const responses = new Map<string, Record<string, unknown> | undefined>();
  for (const [status, declared] of Object.entries(operation.responses)) {
    const response = '$ref' in declared ? resolveRef(declared.$ref, Response) : declared;
    const schema = response.content?.['application/json']?.schema;
    responses.set(status, schema ? rebase(schema) : undefined);
  }
  const jsonBody = operation.requestBody?.content['application/json']?.schema;
  const contract: OperationContract = {
    operationId,
    method: entry.method,
    pathTemplate: entry.pathTemplate,
    pathParameters: parameters.filter((p) => p.in === 'path').map(toContract),
    queryParameters: parameters.filter((p) => p.in === 'query').map(toContract),
    responses,
    ...(jsonBody
      ? { requestBody: { required: operation.requestBody?.required ?? false, schema: rebase(jsonBody) } }
      : {}),
  };
  contracts.set(operationId, contract);
  return contract;
}

/** Operation-level schemas point at `#/components/...`; they are compiled against the shared `brevo` store. */
export function rebase(schema: Record<string, unknown>): Record<string, unknown> {
  return SchemaObject.parse(rebaseValue(schema));
}

function rebaseValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebaseValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `brevo${inner}`
        : rebaseValue(inner);
  }
  return out;
}
