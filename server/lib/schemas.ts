import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { limits } from '../../shared/limits.ts';

/** Building blocks for route schemas; they also make the OpenAPI document. */
export const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  },
  { $id: 'Error' },
);

export const Email = Type.String({ format: 'email', maxLength: limits.email });
export const Password = Type.String({ minLength: limits.password.min, maxLength: limits.password.max });
/** A name must hold something besides spaces: values are trimmed before they are stored. */
const notBlank = '\\S';
export const Name = Type.String({ minLength: 1, maxLength: limits.name, pattern: notBlank });
export const ShortText = Type.String({ maxLength: limits.shortText });
export const Url = Type.Union([
  Type.Literal(''),
  Type.String({ format: 'uri', pattern: '^https?://', maxLength: limits.url }),
]);
export const Abilities = Type.Record(Type.String(), Type.Boolean());

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.pageSize, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** Standard error responses to list in a route's schema. */
export const errors = (...codes: Array<400 | 401 | 403 | 404 | 409 | 410 | 413 | 429>) =>
  Object.fromEntries(codes.map((code) => [code, Type.Ref('Error')]));
