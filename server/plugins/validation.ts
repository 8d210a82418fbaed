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

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object);
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
  pattern: () => 'has an invalid format',
  uniqueItems: () => 'must not repeat items',
};

/** One message per field, keyed by the field's path (`email`, `roles.0.role`). */
export function fieldsFromAjvErrors(errors: ErrorObject[], context: string): Record<string, string> {
  const fields: Record<string, string> = {};
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
    fields[key] = messages[error.keyword]?.(error) ?? error.message ?? 'is invalid';
  }
  return Object.keys(fields).length > 0 ? fields : { [context]: 'is invalid' };
}
