// ADF validation for the Jira emulator: Atlassian's ADF JSON schema compiled once with ajv (cached on disk as
// standalone code), so a comment or description that Jira would refuse is refused here too.
import Ajv04 from 'ajv-draft-04';
import standaloneCode from 'ajv/dist/standalone';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

type Validate = (doc: unknown) => string[];

const AdfError = z.object({ instancePath: z.string(), message: z.string().optional() });
const MAX_MESSAGES = 3;

let validateAdf: Validate | undefined;

/** Calls a compiled ajv validator held as an unknown value (the cached module) and reads its errors. */
function asValidate(compiled: unknown): Validate | undefined {
  if (typeof compiled !== 'function') return undefined;
  return (doc) => {
    const valid: unknown = Reflect.apply(compiled, undefined, [doc]);
    if (valid === true) return [];
    const errors = z.array(AdfError).safeParse(Reflect.get(compiled, 'errors'));
    const list = errors.success ? errors.data : [];
    return list
      .slice(0, MAX_MESSAGES)
      .map((error) => `adf${error.instancePath} ${error.message ?? 'is invalid'}`);
  };
}

/**
 * Compiling the ADF JSON schema (draft-04) takes one to three seconds, which every test file would pay again.
 * The compiled validator is therefore cached as ajv standalone code in the OS temp folder, keyed by a hash of the
 * schema and the ajv versions, and loaded in milliseconds afterwards. allErrors stays off: the anyOf-heavy error
 * lists are noise, and it doubles the compile time.
 */
function adfValidator(): Validate {
  if (validateAdf) return validateAdf;
  const schemaText = fs.readFileSync(
    require.resolve('@atlaskit/adf-schema/json-schema/v1/full.json'),
    'utf8',
  );
  const versions = ['ajv/package.json', 'ajv-draft-04/package.json']
    .map((file) => fs.readFileSync(require.resolve(file), 'utf8'))
    .join();
  const key = createHash('sha256').update(schemaText).update(versions).digest('hex').slice(0, 16);
  const cacheFile = path.join(os.tmpdir(), `jira-emulator-adf-validator-${key}.cjs`);

  const cached = fs.existsSync(cacheFile) ? loadCached(cacheFile) : undefined;
  if (cached) {
    validateAdf = cached;
    return cached;
  }
  const schema = z.record(z.string(), z.unknown()).parse(JSON.parse(schemaText));
  const ajv = new Ajv04({ allErrors: false, strict: false, code: { source: true } });
  const compiled = ajv.compile(schema);
  writeCache(cacheFile, standaloneCode(ajv, compiled));
  const validate = asValidate(compiled);
  if (!validate) throw new Error('ajv did not compile the ADF schema');
  validateAdf = validate;
  return validate;
}

function loadCached(file: string): Validate | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(file);
    return asValidate(loaded);
  } catch {
    return undefined;
  }
}

/** Runtime helpers are required by absolute path so the cached file works outside node_modules' reach. */
function writeCache(file: string, code: string): void {
  const resolved = code.replace(
    /require\("(ajv\/dist\/runtime\/[^"]+)"\)/g,
    (_match, id: string) => `require(${JSON.stringify(require.resolve(id))})`,
  );
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temporary, resolved);
    fs.renameSync(temporary, file);
  } catch {
    // The cache is an optimisation only; a read-only temp folder just means compiling every time.
    fs.rmSync(temporary, { force: true });
  }
}

/** [] when `doc` is a valid Atlassian Document Format document; otherwise a few messages. */
export function adfErrors(doc: unknown): string[] {
  return adfValidator()(doc);
}
