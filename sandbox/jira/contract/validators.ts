// Contract checks against the vendored Jira OpenAPI document, with plain ajv over the spec's components.
//
// Why not express-openapi-validator (the other proven route): it builds its validators per app instance, so every
// emulator a test starts would pay the spec processing again, and it reports request and response failures through
// the same error path. Here the spec is parsed once per process and each operation's validators are compiled on
// first use and shared by every emulator instance; the operation layer knows whether the app (400 + recorded
// violation) or the emulator (500 + recorded violation) broke the contract; and known spec defects can be corrected
// in one place (errata.ts) without touching the vendored file.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { jiraSpec, type OperationContract, type ParameterContract } from './spec';

// OpenAPI-only formats that carry no constraint worth checking here.
const OPENAPI_FORMATS = ['int32', 'int64', 'double', 'float', 'byte', 'binary', 'url'];

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function sharedAjv(): Ajv {
  if (ajv) return ajv;
  const instance = new Ajv({ strict: false, allErrors: true });
  addFormats(instance);
  for (const format of OPENAPI_FORMATS) instance.addFormat(format, true);
  instance.addSchema({ $id: 'jira', components: jiraSpec().components });
  ajv = instance;
  return instance;
}

/** Compiled on first use and cached for the process: ~10 ms per schema instead of all 967 up front. */
function validator(cacheKey: string, schema: () => Record<string, unknown>): ValidateFunction {
  const cached = validators.get(cacheKey);
  if (cached) return cached;
  const compiled = sharedAjv().compile(schema());
  validators.set(cacheKey, compiled);
  return compiled;
}

const MAX_MESSAGES = 10;

export function formatErrors(prefix: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, MAX_MESSAGES).map((error) => {
    const where = `${prefix}${error.instancePath}`;
    const detail =
      error.keyword === 'enum' && 'allowedValues' in error.params
        ? `: ${String(error.params.allowedValues)}`
        : error.keyword === 'additionalProperties' && 'additionalProperty' in error.params
          ? `: ${String(error.params.additionalProperty)}`
          : '';
    return `${where} ${error.message ?? 'is invalid'}${detail}`;
  });
}

function parametersSchema(parameters: ParameterContract[], closed: boolean): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
    additionalProperties: !closed,
  };
}

export interface RequestParts {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  hasBody: boolean;
}

/** Messages in the style of express-openapi-validator ("body/visibility/type must be equal to ..."); [] when valid. */
export function requestErrors(operation: OperationContract, request: RequestParts): string[] {
  const id = operation.operationId;
  const messages: string[] = [];
  const path = validator(`${id}#path`, () => parametersSchema(operation.pathParameters, false));
  if (!path(request.path)) messages.push(...formatErrors('path', path.errors));
  // Unknown query parameters are refused: Jira ignores them silently, which hides typos such as `expands=`.
  const query = validator(`${id}#query`, () => parametersSchema(operation.queryParameters, true));
  if (!query(request.query)) messages.push(...formatErrors('query', query.errors));
  const requestBody = operation.requestBody;
  if (requestBody) {
    if (!request.hasBody) {
      if (requestBody.required) messages.push('body is required');
    } else {
      const body = validator(`${id}#body`, () => requestBody.schema);
      if (!body(request.body)) messages.push(...formatErrors('body', body.errors));
    }
  }
  return messages;
}

/** [] when the body matches what the spec documents for this status (or the spec documents no JSON body). */
export function responseErrors(operation: OperationContract, status: number, body: unknown): string[] {
  const key = operation.responses.has(String(status)) ? String(status) : 'default';
  const schema = operation.responses.get(key);
  if (!schema || body === undefined) return [];
  const validate = validator(`${operation.operationId}#response#${key}`, () => schema);
  return validate(body) ? [] : formatErrors('response', validate.errors);
}

/** Validates a value against a named component schema, e.g. `Comment` (used by tests as an independent oracle too). */
export function componentErrors(schemaName: string, value: unknown): string[] {
  const validate = validator(`component#${schemaName}`, () => ({
    $ref: `jira#/components/schemas/${schemaName}`,
  }));
  return validate(value) ? [] : formatErrors(schemaName, validate.errors);
}
