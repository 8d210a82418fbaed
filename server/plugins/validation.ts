import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Bodies are validated strictly (no type coercion: `{"name": 12}` is a 400, unknown fields too);
 * query strings and path parameters are text on the wire, so they are coerced.
 */
function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    useDefaults: true,
    removeAdditional: false,
    ...options,
  });
  addFormats.default(ajv);
  return ajv;
}

const bodyAjv = makeAjv({ coerceTypes: false });
const textAjv = makeAjv({ coerceTypes: 'array' });

/** Where the first string holding U+0000 is (an Ajv instance path), or null. Iterative: bodies may nest deeply. */
function findNulCharacter(root: unknown): string | null {
  const pending: Array<[unknown, string]> = [[root, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([item, `${path}/${key}`]);
    }
  }
  return null;
}

type Validate = ((data: unknown, context?: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
  schemaEnv?: unknown;
};

/**
 * PostgreSQL text cannot hold a NUL character (the query fails), SQLite would store it: refuse
 * it in every validated part, before Ajv, so both dialects answer the same 400.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  const validate = ajv.compile(schema as object) as Validate;
  const check: Validate = (data, context) => {
    const nulAt = findNulCharacter(data);
    if (nulAt !== null) {
      check.errors = [{ keyword: 'nul', instancePath: nulAt, schemaPath: '', params: {} }];
      return false;
    }
    const isValid = context === undefined ? validate(data) : validate(data, context);
    check.errors = validate.errors ?? null;
    return isValid;
  };
  // Fastify passes the parent object when the compiled function has one, so Ajv may replace the root value.
  check.schemaEnv = validate.schemaEnv;
  return check;
};

const messages: Record<string, (error: ErrorObject) => string> = {
  required: () => 'is required',
  additionalProperties: () => 'is not a known field',
  type: (error) => `must be ${String(error.params.type)}`,
  maxLength: (error) => `must be at most ${String(error.params.limit)} characters`,
  minLength: (error) =>
    error.params.limit === 1
      ? 'must not be empty'
      : `must be at least ${String(error.params.limit)} characters`,
  format: (error) =>
    error.params.format === 'email'
      ? 'must be a valid email address'
      : `must be a valid ${String(error.params.format)}`,
  enum: (error) => `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`,
  const: (error) => `must be ${JSON.stringify(error.params.allowedValue)}`,
  maxItems: (error) => `must have at most ${String(error.params.limit)} items`,
  minimum: (error) => `must be at least ${String(error.params.limit)}`,
  maximum: (error) => `must be at most ${String(error.params.limit)}`,
  pattern: (error) => (error.params.pattern === '\\S' ? 'must not be blank' : 'has an invalid format'),
  uniqueItems: () => 'must not repeat items',
  nul: () => 'must not contain a NUL character',
};

/** One message per field, keyed by the field's path (`email`, `roles.0.role`). */
export function fieldsFromAjvErrors(errors: ErrorObject[], context: string): Record<string, string> {
  const fields: Record<string, string> = {};
  // A union of literals fails once per branch: name every allowed value, not the first branch's.
  const allowed = new Map<string, unknown[]>();
  for (const error of errors) {
    if (error.keyword !== 'const' && error.keyword !== 'enum') continue;
    const values =
      error.keyword === 'const' ? [error.params.allowedValue] : (error.params.allowedValues as unknown[]);
    allowed.set(error.instancePath, [...new Set([...(allowed.get(error.instancePath) ?? []), ...values])]);
  }
  for (const error of errors) {
    let path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (error.keyword === 'required')
      path = [path, String(error.params.missingProperty)].filter(Boolean).join('.');
    if (error.keyword === 'additionalProperties') {
      path = [path, String(error.params.additionalProperty)].filter(Boolean).join('.');
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const key = path || context;
    if (fields[key]) continue;
    const choices = allowed.get(error.instancePath);
    fields[key] =
      choices && choices.length > 1
        ? `must be one of: ${choices.join(', ')}`
        : (messages[error.keyword]?.(error) ?? error.message ?? 'is invalid');
  }
  return Object.keys(fields).length > 0 ? fields : { [context]: 'is invalid' };
}
