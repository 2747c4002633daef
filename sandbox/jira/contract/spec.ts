// The vendored Jira OpenAPI document read as contracts: finds the operation a method and path name, and gives its
// parameters and request/response schemas to the emulator's request and response checks.
import fs from 'node:fs';
import { z } from 'zod';
import { JIRA_SPEC_PATH } from '../paths';
import { SPEC_ERRATA } from './errata';

const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

const SchemaObject = z.record(z.string(), z.unknown());

const SpecDocument = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    schemas: SchemaObject,
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

const Parameter = z.object({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: SchemaObject.optional(),
});
const ParameterRef = z.object({ $ref: z.string() });
const OperationId = z.object({ operationId: z.string() });
const Media = z.object({ schema: SchemaObject.optional() });
const Operation = z.object({
  operationId: z.string(),
  parameters: z.array(z.union([Parameter, ParameterRef])).optional(),
  requestBody: z
    .object({ required: z.boolean().optional(), content: z.record(z.string(), Media) })
    .optional(),
  responses: z.record(z.string(), z.object({ content: z.record(z.string(), Media).optional() })),
});

export interface ParameterContract {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
}

export interface OperationContract {
  operationId: string;
  method: HttpMethod;
  pathTemplate: string;
  pathParameters: ParameterContract[];
  queryParameters: ParameterContract[];
  requestBody?: { required: boolean; schema: Record<string, unknown> };
  /** status code → JSON schema of the body (undefined when the spec documents no JSON body) */
  responses: Map<string, Record<string, unknown> | undefined>;
}

interface LoadedSpec {
  components: Record<string, unknown>;
  rawOperations: Map<string, { method: HttpMethod; pathTemplate: string; raw: unknown }>;
  parameters: Record<string, unknown>;
  templates: { method: HttpMethod; pattern: RegExp; operationId: string }[];
}

let loaded: LoadedSpec | undefined;
const contracts = new Map<string, OperationContract>();

/** Parsed once per process and shared by every emulator instance (the file is 2.4 MB). */
export function jiraSpec(): LoadedSpec {
  if (loaded) return loaded;
  const document = SpecDocument.parse(JSON.parse(fs.readFileSync(JIRA_SPEC_PATH, 'utf8')));
  const rawOperations: LoadedSpec['rawOperations'] = new Map();
  const templates: LoadedSpec['templates'] = [];
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operationId = OperationId.safeParse(item[method]);
      if (!operationId.success) continue;
      rawOperations.set(operationId.data.operationId, { method, pathTemplate, raw: item[method] });
      templates.push({
        method,
        pattern: templatePattern(pathTemplate),
        operationId: operationId.data.operationId,
      });
    }
  }
  loaded = {
    components: document.components,
    rawOperations,
    parameters: document.components.parameters ?? {},
    templates,
  };
  return loaded;
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/** The operation a request would hit in real Jira, if any (used to flag endpoints the emulator lacks). */
export function findSpecOperation(method: string, path: string): string | undefined {
  const lower = method.toLowerCase();
  return jiraSpec().templates.find((t) => t.method === lower && t.pattern.test(path))?.operationId;
}

export function operationContract(operationId: string): OperationContract {
  const cached = contracts.get(operationId);
  if (cached) return cached;
  const spec = jiraSpec();
  const entry = spec.rawOperations.get(operationId);
  if (!entry) throw new Error(`Unknown Jira operationId ${operationId}`);
  const operation = Operation.parse(entry.raw);
  const parameters = (operation.parameters ?? []).map((parameter) => resolveParameter(spec, parameter));
  const toContract = (p: z.infer<typeof Parameter>): ParameterContract => ({
    name: p.name,
    required: p.required ?? false,
    schema: rebase(p.schema ?? {}),
  });
  const jsonBody = operation.requestBody?.content['application/json']?.schema;
  const responses = new Map<string, Record<string, unknown> | undefined>();
  for (const [status, response] of Object.entries(operation.responses)) {
    const schema = response.content?.['application/json']?.schema;
    responses.set(status, schema ? rebase(schema) : undefined);
  }
  for (const [status, schema] of Object.entries(SPEC_ERRATA[operationId]?.responses ?? {})) {
    responses.set(status, rebase(schema));
  }
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

function resolveParameter(
  spec: LoadedSpec,
  parameter: z.infer<typeof Parameter> | z.infer<typeof ParameterRef>,
): z.infer<typeof Parameter> {
  if (!('$ref' in parameter)) return parameter;
  const name = parameter.$ref.replace('#/components/parameters/', '');
  return Parameter.parse(spec.parameters[name]);
}

/** Operation-level schemas point at `#/components/...`; they are compiled against the shared `jira` store. */
function rebase(schema: Record<string, unknown>): Record<string, unknown> {
  return SchemaObject.parse(rebaseValue(schema));
}

function rebaseValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebaseValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `jira${inner}`
        : rebaseValue(inner);
  }
  return out;
}
