// Contract checks against the vendored Brevo OpenAPI document, with plain ajv over the document's components, as the
// Jira emulator does (sandbox/jira/contract/validators.ts says why ajv rather than a middleware): the document is
// parsed once per process, each operation's validators are compiled on first use and shared by every emulator, and
// the operation layer knows whether the app (400 + recorded violation) or the emulator (500 + recorded violation)
// broke the contract.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { brevoSpec, rebase, type OperationContract, type ParameterContract } from './spec';

// OpenAPI-only formats that carry no constraint worth checking here.
const OPENAPI_FORMATS = ['int32', 'int64', 'double', 'float', 'byte', 'binary', 'url'];

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function sharedAjv(): Ajv {
  if (ajv) return ajv;
  const instance = new Ajv({ strict: false, allErrors: true });
  addFormats(instance);
  for (const format of OPENAPI_FORMATS) instance.addFormat(format, true);
  instance.addSchema({ $id: 'brevo', components: brevoSpec().components });
  ajv = instance;
  return instance;
}

function validator(cacheKey: string, schema: () => Record<string, unknown>): ValidateFunction {
  const cached = validators.get(cacheKey);
  if (cached) return cached;
  const compiled = sharedAjv().compile(schema());
  validators.set(cacheKey, compiled);
  return compiled;
}

const MAX_MESSAGES = 10;

export interface ContractMessage {
  text: string;
  /** a required property or parameter was missing (Brevo answers `missing_parameter` for those) */
  missing: boolean;
}

function format(prefix: string, errors: ErrorObject[] | null | undefined): ContractMessage[] {
  return (errors ?? []).slice(0, MAX_MESSAGES).map((error) => {
    const where = `${prefix}${error.instancePath}`;
    const detail =
      error.keyword === 'enum' && 'allowedValues' in error.params
        ? `: ${String(error.params.allowedValues)}`
        : error.keyword === 'additionalProperties' && 'additionalProperty' in error.params
          ? `: ${String(error.params.additionalProperty)}`
          : '';
    return {
      text: `${where} ${error.message ?? 'is invalid'}${detail}`,
      missing: error.keyword === 'required',
    };
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
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  hasBody: boolean;
}

/** Messages in the style of express-openapi-validator ("body/identifiers must NOT have fewer than 1 properties"). */
export function requestErrors(operation: OperationContract, request: RequestParts): ContractMessage[] {
  const id = operation.operationId;
  const messages: ContractMessage[] = [];
  const pathCheck = validator(`${id}#path`, () => parametersSchema(operation.pathParameters, false));
  if (!pathCheck(request.path)) messages.push(...format('path', pathCheck.errors));
  // Unknown query parameters are refused: they are typos the live API would ignore silently.
  const query = validator(`${id}#query`, () => parametersSchema(operation.queryParameters, true));
  if (!query(request.query)) messages.push(...format('query', query.errors));
  const requestBody = operation.requestBody;
  if (requestBody) {
    if (!request.hasBody) {
      if (requestBody.required) messages.push({ text: 'body is required', missing: true });
    } else {
      const body = validator(`${id}#body`, () => requestBody.schema);
      if (!body(request.body)) messages.push(...format('body', body.errors));
    }
  }
  return messages;
}

/** [] when the body matches what the document gives for this status (or it documents no JSON body for it). */
export function responseErrors(operation: OperationContract, status: number, body: unknown): string[] {
  const key = operation.responses.has(String(status)) ? String(status) : 'default';
  const schema = operation.responses.get(key);
  if (!schema || body === undefined) return [];
  const validate = validator(`${operation.operationId}#response#${key}`, () => schema);
  return validate(body) ? [] : format('response', validate.errors).map((message) => message.text);
}

/** Validates a value against a schema written in the document's form (refs to `#/components/...`). */
export function schemaErrors(
  cacheKey: string,
  schema: Record<string, unknown>,
  value: unknown,
  prefix: string,
): ContractMessage[] {
  const validate = validator(`schema#${cacheKey}`, () => rebase(schema));
  return validate(value) ? [] : format(prefix, validate.errors);
}

/** Validates a value against a named component schema, e.g. `getAccount` (tests use it as an oracle too). */
export function componentErrors(schemaName: string, value: unknown): string[] {
  const validate = validator(`component#${schemaName}`, () => ({
    $ref: `brevo#/components/schemas/${schemaName}`,
  }));
  return validate(value) ? [] : format(schemaName, validate.errors).map((message) => message.text);
}
